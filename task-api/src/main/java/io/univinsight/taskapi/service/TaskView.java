package io.univinsight.taskapi.service;

import java.time.Instant;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.RenderMode;
import io.univinsight.events.TaskStatus;
import io.univinsight.schema.ResultRecord;
import io.univinsight.schema.TaskRecord;

/**
 * What the API shows of a task. cacheHits: pages answered 304 or with unchanged content (their records
 * taken from the last visit); bytesSaved: what those pages did not cost; emptyReason: why a finished task
 * found no professor (no-people-found, render-needed, render-needed-but-disabled, render-timeout,
 * no-people-found-after-render), null otherwise; render: the task's render mode (auto, always, never);
 * pagesRendered: pages of the task loaded in the headless browser.
 */
public record TaskView(String taskId, String url, String universityName, String department, TaskStatus status,
                       String priority, Integer maxDepth, Integer maxPages, Instant createdAt, Instant startedAt,
                       Instant completedAt, int attempts, String lastError, String workerId,
                       int professorsCount, int papersCount, int pagesFetched, int cacheHits, long bytesSaved, String emptyReason,
                       String render, int pagesRendered) {

    public static TaskView pending(CrawlTask t) {
        return new TaskView(t.taskId(), t.url(), t.universityName(), t.department(), TaskStatus.PENDING, t.priority().wireName(),
                t.maxDepth(), t.maxPages(), t.submittedAt(), null, null, 0, null, null, 0, 0, 0, 0, 0, null, t.renderMode().wireName(), 0);
    }

    /** Where the API answers for this task (the Location of a submit). */
    public String location() {
        return "/api/tasks/" + taskId;
    }

    public TaskView withStatus(TaskStatus newStatus) {
        return new TaskView(taskId, url, universityName, department, newStatus, priority, maxDepth, maxPages, createdAt,
                startedAt, completedAt, attempts, lastError, workerId, professorsCount, papersCount, pagesFetched,
                cacheHits, bytesSaved, emptyReason, render, pagesRendered);
    }

    public static TaskView of(TaskRecord t, ResultRecord r) {
        return new TaskView(t.id.toString(), t.url, t.universityName, t.department, t.status, t.priority, t.maxDepth,
                t.maxPages, t.createdAt, t.startedAt, t.completedAt, t.attempt, t.lastError, t.workerId,
                r == null ? 0 : r.professorsCount, r == null ? 0 : r.papersCount, r == null ? 0 : r.pagesFetched,
                r == null ? 0 : r.cacheHits, r == null ? 0 : r.bytesSaved, r == null ? null : r.emptyReason,
                t.render == null ? RenderMode.AUTO.wireName() : t.render, r == null ? 0 : r.pagesRendered);
    }
}
