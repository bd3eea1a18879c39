package io.univinsight.crawler.render;

import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;

/**
 * How the browser gets anything from the network: every request a rendered page makes is handed
 * to this, which fetches it the way the crawler fetches its own pages (SSRF guard, robots.txt,
 * politeness, size limit). The browser itself opens no connection.
 */
@FunctionalInterface
public interface Subresources {
    /** A 2xx response, or the failure that refuses or ends the request. */
    FetchedPage fetch(String url) throws FetchFailure, InterruptedException;
}
