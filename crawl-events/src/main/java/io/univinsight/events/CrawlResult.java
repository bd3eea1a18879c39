package io.univinsight.events;

import java.time.Instant;
import java.util.List;

/**
 * What one finished task found: professors, papers and how the crawl went. Keyed by task id.
 * It is sent (and acknowledged) before the task's COMPLETED status, and it completes the task
 * by itself, so a reader never sees COMPLETED without the counts.
 */
public record CrawlResult(
        int schemaVersion,
        String taskId,
        String url,
        String universityName,
        String department,
        List<Professor> professors,
        List<Paper> papers,
        int pagesFetched,
        String extractionMethod,
        int accuracyScore,
        Metrics metrics,
        Instant completedAt,
        String workerId,
        int attempt) {

    public static final int SCHEMA_VERSION = 1;

    public record Professor(String name, String title, String email, String department,
                            String profileUrl, double confidence) {
    }

    /** professorRefs names the professors of this result the paper belongs to (email, else name). */
    public record Paper(String title, List<String> authors, Integer year, String venue, String doi,
                        String url, List<String> professorRefs) {
    }

    public record Metrics(long totalMs, long fetchMs, long parseMs, long bytes, int httpStatus,
                          int httpErrors, boolean cacheHit, long jsRenderingMs) {
    }
}
