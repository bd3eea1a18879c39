package io.univinsight.persistence.service;

import java.time.Instant;
import java.util.UUID;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.persistence.domain.CrawlResultEntity;
import io.univinsight.persistence.domain.CrawlTaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * crawl_tasks rows from task records and status events. Events may arrive in any order
 * and more than once: a task row is created by whichever comes first, and its status only
 * moves forward ({@link TaskStatus#mayMoveTo}).
 */
@ApplicationScoped
public class TaskStateWriter {

    @Transactional
    public void applyTask(CrawlTask task) {
        CrawlTaskEntity row = lockOrCreate(UUID.fromString(task.taskId()), task.url(), task.universityName(), task.submittedAt());
        row.url = task.url();
        row.universityName = task.universityName();
        row.department = task.department();
        row.priority = task.priority().wireName();
        row.maxDepth = task.maxDepth();
        row.maxPages = task.maxPages();
        if (task.submittedAt() != null && task.submittedAt().isBefore(row.createdAt)) {
            row.createdAt = task.submittedAt();
        }
    }

    @Transactional
    public void applyStatus(TaskStatusChanged event) {
        CrawlTaskEntity row = lockOrCreate(UUID.fromString(event.taskId()), event.url(), event.universityName(), event.at());
        if (row.priority == null && event.priority() != null) {
            row.priority = event.priority().wireName();
        }
        if (event.status() == TaskStatus.COMPLETED && CrawlResultEntity.count("taskId", row.id) == 0) {
            return; // its CrawlResult completes the task, with the counts, when it arrives
        }
        transition(row, event);
    }

    /**
     * Records what the event tells: facts that hold whatever the order (first start, retries,
     * worker) always; the status itself only if the state machine lets it move forward.
     */
    void transition(CrawlTaskEntity row, TaskStatusChanged event) {
        if (event.status() == TaskStatus.RUNNING && (row.startedAt == null || event.at().isBefore(row.startedAt))) {
            row.startedAt = event.at();
        }
        row.retryCount = Math.max(row.retryCount, Math.max(0, event.attempt() - 1));
        if (row.workerId == null && event.workerId() != null) {
            row.workerId = event.workerId();
        }
        TaskStatus current = TaskStatus.valueOf(row.status);
        if (!current.mayMoveTo(event.status(), row.attempt, event.attempt())) {
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
        if (event.error() != null) {
            row.lastError = event.error();
        }
    }

    /** The task row, locked for this transaction; created as PENDING from what the event knows. */
    CrawlTaskEntity lockOrCreate(UUID id, String url, String university, Instant seenAt) {
        CrawlTaskEntity row = CrawlTaskEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            return row;
        }
        row = new CrawlTaskEntity();
        row.id = id;
        row.url = url == null ? "" : url;
        row.universityName = university == null ? "" : university;
        row.status = TaskStatus.PENDING.name();
        row.priority = "normal";
        row.createdAt = seenAt == null ? Instant.now() : seenAt;
        row.persistAndFlush();
        return row;
    }
}
