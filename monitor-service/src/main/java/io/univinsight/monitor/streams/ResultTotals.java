package io.univinsight.monitor.streams;

import io.univinsight.events.CrawlResult;

/**
 * Over every distinct result: pages the tasks had, pages answered 304 or unchanged (cache hits),
 * the bytes those hits did not download again, and the tasks that found no professor by their
 * reason (no-people-found; render-needed: a page looked built by a script).
 */
public record ResultTotals(long results, long pages, long cacheHits, long bytesSaved, long noPeopleFound, long renderNeeded) {
    public static ResultTotals empty() {
        return new ResultTotals(0, 0, 0, 0, 0, 0);
    }

    public ResultTotals plus(CrawlResult r) {
        return new ResultTotals(results + 1, pages + Math.max(0, r.pagesFetched()), cacheHits + hits(r), bytesSaved + saved(r),
                noPeopleFound + is(r, CrawlResult.EMPTY_NO_PEOPLE_FOUND), renderNeeded + is(r, CrawlResult.EMPTY_RENDER_NEEDED));
    }

    public ResultTotals minus(CrawlResult r) {
        return new ResultTotals(results - 1, pages - Math.max(0, r.pagesFetched()), cacheHits - hits(r), bytesSaved - saved(r),
                noPeopleFound - is(r, CrawlResult.EMPTY_NO_PEOPLE_FOUND), renderNeeded - is(r, CrawlResult.EMPTY_RENDER_NEEDED));
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

    private static long is(CrawlResult r, String reason) {
        return reason.equals(r.emptyReason()) ? 1 : 0;
    }
}
