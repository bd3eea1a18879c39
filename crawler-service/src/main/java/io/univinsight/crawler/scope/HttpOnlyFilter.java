package io.univinsight.crawler.scope;

/** Only http(s) links without credentials (the fetcher would refuse the others anyway; this keeps them out of the frontier). */
final class HttpOnlyFilter implements UrlFilter {
    static final String NAME = "http-only";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accept(LinkCandidate link, CrawlScope scope) {
        String scheme = link.uri().getScheme();
        return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && link.uri().getRawUserInfo() == null;
    }
}
