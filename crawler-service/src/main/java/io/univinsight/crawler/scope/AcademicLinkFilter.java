package io.univinsight.crawler.scope;

import io.univinsight.extraction.LinkKind;

/**
 * Follows only links the classifier sees leading to directories, profiles, publication lists or
 * further directory pages (by anchor text and URL shape); menus, news and documents are left out.
 */
final class AcademicLinkFilter implements UrlFilter {
    static final String NAME = "academic-links";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accept(LinkCandidate link, CrawlScope scope) {
        return link.kind() != LinkKind.OTHER;
    }
}
