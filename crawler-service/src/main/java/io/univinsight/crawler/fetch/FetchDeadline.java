package io.univinsight.crawler.fetch;

import java.time.Duration;

/**
 * The time by which the current thread's request must be answered. HttpURLConnection (which https
 * fetches use, for the guarded sockets) only knows a timeout per read, so a server sending one byte
 * every few seconds would hold the fetch forever; the guarded sockets read no longer than this.
 */
public final class FetchDeadline {
    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private FetchDeadline() {
    }

    /** From now, the request on this thread has this long. */
    public static void start(Duration budget) {
        DEADLINE_NANOS.set(System.nanoTime() + budget.toNanos());
    }

    public static void clear() {
        DEADLINE_NANOS.remove();
    }

    /** Milliseconds left (at least 1 while any time is left, 0 once spent), or Long.MAX_VALUE without a deadline. */
    static long remainingMillis() {
        Long deadline = DEADLINE_NANOS.get();
        if (deadline == null) {
            return Long.MAX_VALUE;
        }
        long nanos = deadline - System.nanoTime();
        return nanos <= 0 ? 0 : Math.max(1, nanos / 1_000_000);
    }
}
