package io.univinsight.crawler.service;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.messaging.EventPublisher;
import io.univinsight.crawler.messaging.TaskHandler;
import io.univinsight.crawler.messaging.EventPublisher.PublishException;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;

/**
 * Runs one task and reports it: RUNNING, then a CrawlResult and COMPLETED; or, on a transient
 * failure, the next attempt on the retry topic (exponential backoff with jitter) and RETRYING;
 * or FAILED with the reason (and the dead-letter topic once attempts are used up).
 * Returns only when every event is durable; throws PublishException when Kafka would not take them.
 */
public class TaskRunner implements TaskHandler {
    private static final Logger LOG = Logger.getLogger(TaskRunner.class);

    private final SiteCrawl crawl;
    private final EventPublisher events;
    private final WorkerStats stats;
    private final int maxAttempts;
    private final Duration baseDelay;

    public TaskRunner(SiteCrawl crawl, EventPublisher events, WorkerStats stats, int maxAttempts, Duration baseDelay) {
        this.crawl = crawl;
        this.events = events;
        this.stats = stats;
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
    }

    @Override
    public void run(CrawlTask task, String hostKey) throws PublishException, InterruptedException {
        String worker = stats.workerId();
        stats.started(task.taskId());
        long started = System.nanoTime();
        boolean success = false;
        boolean retrying = false;
        try {
            events.status(TaskStatusChanged.of(task, TaskStatus.RUNNING, worker, null));
            SiteCrawl.Outcome outcome = crawl.crawl(task);
            long totalMs = (System.nanoTime() - started) / 1_000_000;
            try {
                events.result(toResult(task, outcome, totalMs, worker));
            } catch (EventPublisher.EventTooLarge e) {
                // Running the task again would build the same result: it is dead-lettered and fails with the
                // size said, and the partition moves on.
                String error = "result-too-large: " + outcome.professors().size() + " professors and " + outcome.papers().size()
                        + " papers make " + e.getMessage() + "; crawl it in smaller tasks (maxPages, or one task per directory)";
                events.deadLetter(task.taskId(), events.taskBytes(task), error);
                fail(task, error, false);
                return;
            }
            events.status(TaskStatusChanged.of(task, TaskStatus.COMPLETED, worker, null));
            success = true;
            LOG.infof("task %s completed: %d pages (%d cache hits), %d professors, %d papers, %d departed in %d ms", task.taskId(),
                    outcome.pagesFetched(), outcome.cacheHits(), outcome.professors().size(), outcome.papers().size(),
                    outcome.departed().size(), totalMs);
        } catch (FetchFailure f) {
            if (f.isTransient() && task.attempt() < maxAttempts) {
                Duration backoff = backoff(task.attempt());
                // The backoff runs from the RETRYING event's own time, so "retried at least backoff after
                // RETRYING" holds however long the retry record takes to send.
                TaskStatusChanged retryingEvent = TaskStatusChanged.of(task, TaskStatus.RETRYING, worker, f.getMessage());
                events.retry(hostKey, task.nextAttempt(retryingEvent.at().plus(backoff)));
                events.status(retryingEvent);
                retrying = true;
                LOG.infof("task %s attempt %d failed (%s); retry in %d ms", task.taskId(), task.attempt(), f.getMessage(), backoff.toMillis());
            } else {
                fail(task, f.getMessage(), f.isTransient());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "task %s failed unexpectedly", task.taskId());
            fail(task, "internal: " + e, false);
        } finally {
            if (retrying) {
                stats.released(task.taskId());
            } else {
                stats.finished(task.taskId(), success);
            }
        }
    }

    /** Skips a task cancelled before it started: CANCELLED with the task's attempt and error "cancelled". */
    @Override
    public void cancelled(CrawlTask task) throws PublishException {
        events.status(TaskStatusChanged.of(task, TaskStatus.CANCELLED, stats.workerId(), "cancelled"));
        LOG.infof("task %s cancelled before it started; skipped", task.taskId());
    }

    private void fail(CrawlTask task, String error, boolean attemptsExhausted) throws PublishException {
        if (attemptsExhausted) {
            events.deadLetter(task.taskId(), events.taskBytes(task), "attempts exhausted: " + error);
        }
        events.status(TaskStatusChanged.of(task, TaskStatus.FAILED, stats.workerId(), error));
        LOG.infof("task %s failed: %s", task.taskId(), error);
    }

    /** base * 2^(attempt-1), times a jitter factor in [0.5, 1.5) so retries of one outage spread out. */
    Duration backoff(int attempt) {
        long base = baseDelay.toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis((long) (base * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private static CrawlResult toResult(CrawlTask task, SiteCrawl.Outcome o, long totalMs, String worker) {
        CrawlResult.Metrics metrics = new CrawlResult.Metrics(totalMs, o.fetchMs(), o.parseMs(), o.bytes(), o.startStatus(),
                o.httpErrors(), o.startCacheHit(), o.renderMs(), o.cacheHits(), o.bytesSaved(), o.pagesRendered());
        return new CrawlResult(CrawlResult.SCHEMA_VERSION, task.taskId(), task.url(), task.universityName(), task.department(),
                o.professors(), o.papers(), o.pagesFetched(), String.join("+", o.extractors()),
                o.accuracyScore(), metrics, Instant.now(), worker, task.attempt(), o.departed(), o.emptyReason());
    }
}
