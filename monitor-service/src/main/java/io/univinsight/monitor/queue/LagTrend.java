package io.univinsight.monitor.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether the queue keeps growing: the total lag has not fallen once over the last
 * {@link #WINDOW} and is higher now than at its start. Needs samples spanning the whole
 * window, so a just-started monitor never calls a short burst a trend.
 */
public final class LagTrend {
    public static final Duration WINDOW = Duration.ofMinutes(5);

    private record Sample(Instant at, long total) {
    }

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public LagTrend() {
        this(WINDOW);
    }

    public LagTrend(Duration window) {
        this.window = window;
    }

    public synchronized void record(Instant at, long totalLag) {
        samples.addLast(new Sample(at, totalLag));
        // Keep one sample at or before the window's start: it is the baseline.
        Instant start = at.minus(window);
        while (samples.size() > 1 && !second().at().isAfter(start)) {
            samples.removeFirst();
        }
    }

    private Sample second() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }

    public synchronized boolean rising(Instant now) {
        if (samples.isEmpty() || samples.getFirst().at().isAfter(now.minus(window))) {
            return false;
        }
        long previous = Long.MIN_VALUE;
        for (Sample s : samples) {
            if (s.total() < previous) {
                return false;
            }
            previous = s.total();
        }
        return samples.getLast().total() > samples.getFirst().total();
    }
}
