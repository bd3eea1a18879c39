package io.univinsight.persistence.state;

import java.time.Instant;
import java.util.UUID;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;

/**
 * What each event does to a task row. Events may come in any order and more than once: a row
 * is created by whichever comes first, facts that hold whatever the order (first start,
 * retries, creation time) are kept as minimum or maximum, and the status only moves forward
 * ({@link TaskStatus#mayMoveTo}).
 */
public final class TaskStateMachine {
    private TaskStateMachine() {
    }

    /** A new PENDING row from what the first event about the task knows. */
    public static TaskRow newRow(UUID id, String url, String university, Instant seenAt) {
        TaskRow row = new TaskRow();
        row.id = id;
        row.url = url == null ? "" : url;
        row.universityName = university == null ? "" : university;
        row.status = TaskStatus.PENDING.name();
        row.priority = "normal";
        row.createdAt = seenAt == null ? Instant.EPOCH : seenAt;
        return row;
    }

    /** The task record itself: what was asked (it may arrive after the task's statuses). */
    public static void applyTask(TaskRow row, CrawlTask task) {
        row.url = task.url();
        row.universityName = task.universityName();
        row.department = task.department();
        row.priority = task.priority().wireName();
        row.maxDepth = task.maxDepth();
        row.maxPages = task.maxPages();
        row.render = task.renderMode().wireName();
        if (task.submittedAt() != null && task.submittedAt().isBefore(row.createdAt)) {
            row.createdAt = task.submittedAt();
        }
    }

    /** A status event; a COMPLETED one waits for the task's result, which completes it with the counts. */
    public static void applyStatus(TaskRow row, TaskStatusChanged event) {
        if (isBlank(row.url) && event.url() != null) {
            row.url = event.url();
        }
        if (isBlank(row.universityName) && event.universityName() != null) {
            row.universityName = event.universityName();
        }
        // The task record (which always has maxDepth) states the priority; until it comes, the event's does.
        if (event.priority() != null && row.maxDepth == null) {
            row.priority = event.priority().wireName();
        }
        if (event.at().isBefore(row.createdAt)) {
            row.createdAt = event.at();
        }
        if (event.status() == TaskStatus.COMPLETED && !row.hasResult) {
            return;
        }
        transition(row, event);
    }

    /** A result completes its task (and is stored in the same transaction). */
    public static void applyResult(TaskRow row, CrawlResult result, Instant at) {
        if (isBlank(row.url) && result.url() != null) {
            row.url = result.url();
        }
        if (isBlank(row.universityName)) {
            row.universityName = result.universityName();
        }
        row.hasResult = true;
        transition(row, new TaskStatusChanged(TaskStatusChanged.SCHEMA_VERSION, result.taskId(), TaskStatus.COMPLETED,
                at, result.workerId(), result.attempt(), null, result.url(), result.universityName(), null));
    }

    private static void transition(TaskRow row, TaskStatusChanged event) {
        if (event.status() == TaskStatus.RUNNING && (row.startedAt == null || event.at().isBefore(row.startedAt))) {
            row.startedAt = event.at();
        }
        row.retryCount = Math.max(row.retryCount, Math.max(0, event.attempt() - 1));
        // The latest error by event time, even from an event that no longer moves the status.
        if (event.error() != null && (row.lastErrorAt == null || !event.at().isBefore(row.lastErrorAt))) {
            row.lastError = event.error();
            row.lastErrorAt = event.at();
        }
        TaskStatus current = TaskStatus.valueOf(row.status);
        if (!current.mayMoveTo(event.status(), row.attempt, event.attempt())) {
            if (row.workerId == null && event.workerId() != null) {
                row.workerId = event.workerId();
            }
            return;
        }
        row.status = event.status().name();
        row.attempt = event.attempt();
        row.statusAt = event.at();
        if (event.workerId() != null) {
            row.workerId = event.workerId();
        }
        if (event.status().isTerminal()) {
            row.completedAt = event.at();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
