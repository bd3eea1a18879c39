package io.univinsight.events;

import java.time.Instant;

/**
 * A task moved to a new status. Keyed by task id, so one task's events stay in order.
 * url, universityName and priority travel along so a reader that sees this event before the
 * task itself (another topic) can still record it, and views can group without a join.
 */
public record TaskStatusChanged(
        int schemaVersion,
        String taskId,
        TaskStatus status,
        Instant at,
        String workerId,
        int attempt,
        String error,
        String url,
        String universityName,
        Priority priority) {

    public static final int SCHEMA_VERSION = 1;

    public static TaskStatusChanged of(CrawlTask task, TaskStatus status, String workerId, String error) {
        return new TaskStatusChanged(SCHEMA_VERSION, task.taskId(), status, Instant.now(), workerId,
                task.attempt(), error, task.url(), task.universityName(), task.priority());
    }
}
