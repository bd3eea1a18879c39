package io.univinsight.crawler.scope;

import io.univinsight.chain.ChainElement;

/** One rule of the crawl scope; a link is followed only when every filter of the chain accepts it. */
public interface UrlFilter extends ChainElement {
    boolean accept(LinkCandidate link, CrawlScope scope);
}
