package io.univinsight.events;

import java.time.Instant;

/**
 * A request to crawl one start URL. Keyed by URL host on the priority topics.
 * notBefore is set on retries: the crawler does not start the attempt earlier.
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
        Instant notBefore) {

    public static final int SCHEMA_VERSION = 1;

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
                maxDepth, maxPages, submittedAt, attempt + 1, notBefore);
    }
}
