package io.univinsight.crawler.scope;

import java.net.URI;

import io.univinsight.extraction.LinkKind;

/** Link candidates and scopes for the URL filter tests. */
final class Links {
    static final CrawlScope SCOPE = CrawlScope.of("https://www.uni.example/cs/faculty/index.html");

    private Links() {
    }

    static LinkCandidate link(String url, LinkKind kind) {
        return new LinkCandidate(url, URI.create(url), "anchor", kind);
    }

    static LinkCandidate profile(String url) {
        return link(url, LinkKind.PROFILE);
    }
}
