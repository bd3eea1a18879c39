package io.univinsight.monitor.streams;

import io.univinsight.events.TaskStatus;

/** Finished tasks of one hour: how many, how many succeeded or failed, total time. */
public record HourStats(long tasks, long successes, long failures, long totalMs) {
    public static HourStats empty() {
        return new HourStats(0, 0, 0, 0);
    }

    public HourStats add(TaskState finished) {
        boolean success = finished.status() == TaskStatus.COMPLETED;
        boolean failure = finished.status() == TaskStatus.FAILED;
        return new HourStats(tasks + 1, successes + (success ? 1 : 0), failures + (failure ? 1 : 0),
                totalMs + Math.max(0, finished.durationMs()));
    }
}
