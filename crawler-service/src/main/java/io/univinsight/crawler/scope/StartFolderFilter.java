package io.univinsight.crawler.scope;

import io.univinsight.extraction.LinkKind;

/**
 * Other directories are followed only inside the start page's folder, so a crawl of one
 * department's directory does not wander into the other departments its menu links to.
 * Profiles and publication pages may live anywhere on the site.
 */
final class StartFolderFilter implements UrlFilter {
    static final String NAME = "directory-in-start-folder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accept(LinkCandidate link, CrawlScope scope) {
        if (link.kind() != LinkKind.DIRECTORY) {
            return true;
        }
        String path = link.uri().getRawPath();
        return path != null && path.startsWith(scope.startFolder());
    }
}
