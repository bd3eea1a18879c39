package io.univinsight.crawler.messaging;

import io.univinsight.events.CrawlTask;

/**
 * What the consumer hands each task to (the crawl itself lives in the service package, which
 * depends on messaging, never the other way). A thrown exception means "not reported": the
 * task is handed back and runs again.
 */
public interface TaskHandler {
    /** Crawls the task and reports its outcome. */
    void run(CrawlTask task, String hostKey) throws EventPublisher.PublishException, InterruptedException;

    /** Reports a task cancelled before it started. */
    void cancelled(CrawlTask task) throws EventPublisher.PublishException;
}
