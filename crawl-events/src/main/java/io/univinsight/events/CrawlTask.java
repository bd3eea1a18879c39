package io.univinsight.events;

import java.time.Instant;

/**
 * A request to crawl one start URL. Keyed by URL host on the priority topics.
 * notBefore is set on retries: the crawler does not start the attempt earlier. render says whether
 * pages go through a headless browser (null, as in events written before it existed: AUTO).
 */
public record CrawlTask(
        int schemaVersion,
        String taskId,
        String url,
        String universityName,
        String department,
        Priority priority,
        int maxDepth,
        int maxPages,
        Instant submittedAt,
        int attempt,
        Instant notBefore,
        RenderMode render) {

    public static final int SCHEMA_VERSION = 1;

    /** A task with the default render mode (AUTO). */
    public CrawlTask(int schemaVersion, String taskId, String url, String universityName, String department, Priority priority,
                     int maxDepth, int maxPages, Instant submittedAt, int attempt, Instant notBefore) {
        this(schemaVersion, taskId, url, universityName, department, priority, maxDepth, maxPages, submittedAt, attempt, notBefore, null);
    }

    /** The render mode, AUTO when the event did not say. */
    public RenderMode renderMode() {
        return render == null ? RenderMode.AUTO : render;
    }

    /** The record key on the task topics: every task of one site on one partition, so one crawler owns a host. */
    public static String hostKey(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host.toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** The same task, queued again for the given attempt no earlier than notBefore. */
    public CrawlTask nextAttempt(Instant notBefore) {
        return new CrawlTask(SCHEMA_VERSION, taskId, url, universityName, department, priority,
                maxDepth, maxPages, submittedAt, attempt + 1, notBefore, render);
    }
}
