package io.univinsight.monitor.streams;

import io.univinsight.events.CrawlResult;

/**
 * Over every distinct result: pages the tasks had, pages answered 304 or unchanged (cache hits)
 * and the bytes those hits did not download again.
 */
public record CacheStats(long results, long pages, long cacheHits, long bytesSaved) {
    public static CacheStats empty() {
        return new CacheStats(0, 0, 0, 0);
    }

    public CacheStats plus(CrawlResult r) {
        return new CacheStats(results + 1, pages + Math.max(0, r.pagesFetched()), cacheHits + hits(r), bytesSaved + saved(r));
    }

    public CacheStats minus(CrawlResult r) {
        return new CacheStats(results - 1, pages - Math.max(0, r.pagesFetched()), cacheHits - hits(r), bytesSaved - saved(r));
    }

    /** Hits over pages, 0 before any page; never above 1 (a result claiming more hits than pages is capped). */
    public double hitRate() {
        return pages <= 0 ? 0.0 : Math.min(1.0, (double) cacheHits / pages);
    }

    private static long hits(CrawlResult r) {
        return r.metrics() == null ? 0 : Math.max(0, r.metrics().cacheHits());
    }

    private static long saved(CrawlResult r) {
        return r.metrics() == null ? 0 : Math.max(0, r.metrics().bytesSaved());
    }
}
