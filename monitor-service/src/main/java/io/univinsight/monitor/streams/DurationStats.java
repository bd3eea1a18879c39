package io.univinsight.monitor.streams;

import java.util.ArrayList;
import java.util.List;

/**
 * Processing times of finished tasks: count and sum of all, and the most recent ones
 * (bounded) for percentiles.
 */
public record DurationStats(long count, long sumMs, List<Long> recentMs) {
    public static final int RECENT = 2000;

    public static DurationStats empty() {
        return new DurationStats(0, 0, List.of());
    }

    public DurationStats add(long ms) {
        List<Long> recent = new ArrayList<>(recentMs);
        recent.add(ms);
        if (recent.size() > RECENT) {
            recent.remove(0);
        }
        return new DurationStats(count + 1, sumMs + ms, recent);
    }

    public double averageMs() {
        return count == 0 ? 0 : (double) sumMs / count;
    }

    /** Nearest-rank percentile of the recent durations (q in 0..1), 0 when empty. */
    public long percentileMs(double q) {
        if (recentMs.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(recentMs);
        sorted.sort(null);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
