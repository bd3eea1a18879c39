package io.univinsight.crawler.scope;

import java.util.Set;

import io.univinsight.chain.ElementParams;

/** Refuses very long URLs: calendars and faceted searches generate endless ones (crawler traps). */
final class UrlLengthFilter implements UrlFilter {
    static final String NAME = "url-length";
    /** Parameter: the longest URL followed, in characters. */
    static final String MAX_LENGTH = "max-length";
    static final Set<String> PARAMS = Set.of(MAX_LENGTH);
    static final int DEFAULT_MAX_LENGTH = 512;

    private final int maxLength;

    UrlLengthFilter(ElementParams params) {
        this.maxLength = params.intValue(MAX_LENGTH, DEFAULT_MAX_LENGTH, 16);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accept(LinkCandidate link, CrawlScope scope) {
        return link.url().length() <= maxLength;
    }
}
