package io.univinsight.crawler.scope;

/** Refuses very long URLs: calendars and faceted searches generate endless ones (crawler traps). */
final class UrlLengthFilter implements UrlFilter {
    static final int MAX_LENGTH = 512;

    @Override
    public String name() {
        return "url-length";
    }

    @Override
    public boolean accept(LinkCandidate link, CrawlScope scope) {
        return link.url().length() <= MAX_LENGTH;
    }
}
