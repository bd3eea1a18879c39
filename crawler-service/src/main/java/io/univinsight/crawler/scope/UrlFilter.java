package io.univinsight.crawler.scope;

/** One rule of the crawl scope; a link is followed only when every filter of the chain accepts it. */
public interface UrlFilter {
    /** The name used in crawler.scope.url-filters. */
    String name();

    boolean accept(LinkCandidate link, CrawlScope scope);
}
