package io.univinsight.monitor.streams;

import java.util.Map;
import java.util.TreeMap;

/**
 * Over every distinct result: pages the tasks had, pages answered 304 or unchanged (cache hits),
 * the bytes those hits did not download again, pages loaded in the headless browser and the time
 * it took, and the tasks that found no professor by their reason (CrawlResult.EMPTY_REASONS; a
 * reason a newer crawler sends is counted under its own name too).
 */
public record ResultTotals(long results, long pages, long cacheHits, long bytesSaved, long pagesRendered, long renderMs,
                           Map<String, Long> emptyByReason) {
    public ResultTotals {
        emptyByReason = emptyByReason == null ? Map.of() : Map.copyOf(emptyByReason);
    }

    public static ResultTotals empty() {
        return new ResultTotals(0, 0, 0, 0, 0, 0, Map.of());
    }

    public ResultTotals plus(ResultSummary r) {
        return add(r, 1);
    }

    public ResultTotals minus(ResultSummary r) {
        return add(r, -1);
    }

    /** Tasks that found no professor for this reason. */
    public long withoutProfessors(String reason) {
        return emptyByReason.getOrDefault(reason, 0L);
    }

    /** Tasks that found no professor, whatever the reason. */
    public long withoutProfessors() {
        return emptyByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Hits over pages, 0 before any page; never above 1 (a result claiming more hits than pages is capped). */
    public double hitRate() {
        return pages <= 0 ? 0.0 : Math.min(1.0, (double) cacheHits / pages);
    }

    private ResultTotals add(ResultSummary r, int sign) {
        Map<String, Long> reasons = new TreeMap<>(emptyByReason);
        if (r.emptyReason() != null) {
            reasons.merge(r.emptyReason(), (long) sign, Long::sum);
            reasons.values().removeIf(count -> count == 0);
        }
        return new ResultTotals(results + sign, pages + sign * r.pagesFetched(), cacheHits + sign * r.cacheHits(),
                bytesSaved + sign * r.bytesSaved(), pagesRendered + sign * r.pagesRendered(), renderMs + sign * r.renderMs(),
                reasons);
    }
}
