package io.univinsight.crawler.scope;

/** Stays on the start page's site (scheme, host and port): a task crawls one university site. */
final class SameSiteFilter implements UrlFilter {
    static final String NAME = "same-site";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accept(LinkCandidate link, CrawlScope scope) {
        return CrawlScope.siteOf(link.uri()).equals(scope.site());
    }
}
