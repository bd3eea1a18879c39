package io.univinsight.monitor.streams;

import io.univinsight.events.TaskStatus;

/**
 * Tasks that finished in one hour: how many, how many succeeded or failed, and the running
 * time summed over those whose time is known (timed), for the hour's average.
 */
public record HourStats(long tasks, long successes, long failures, long timed, long totalMs) {
    public static HourStats empty() {
        return new HourStats(0, 0, 0, 0, 0);
    }

    public HourStats add(TaskState finished) {
        boolean success = finished.status() == TaskStatus.COMPLETED;
        boolean failure = finished.status() == TaskStatus.FAILED;
        long ms = finished.durationMs();
        return new HourStats(tasks + 1, successes + (success ? 1 : 0), failures + (failure ? 1 : 0),
                timed + (ms >= 0 ? 1 : 0), totalMs + Math.max(0, ms));
    }

    /** Average running time of the hour's timed tasks, 0 when none. */
    public long averageMs() {
        return timed == 0 ? 0 : totalMs / timed;
    }
}
