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
        int attempt,
        List<Professor> departed,
        String emptyReason) {

    public static final int SCHEMA_VERSION = 1;
    /** {@link #emptyReason()}: no page of the task listed a person. */
    public static final String EMPTY_NO_PEOPLE_FOUND = "no-people-found";
    /** {@link #emptyReason()}: a page looked built by a script in the browser, which this crawler does not run. */
    public static final String EMPTY_RENDER_NEEDED = "render-needed";

    /**
     * A result with departures and no reason for being empty. {@code emptyReason} (null when some
     * professor was found) says why a task found no professor: {@link #EMPTY_NO_PEOPLE_FOUND} or
     * {@link #EMPTY_RENDER_NEEDED}.
     */
    public CrawlResult(int schemaVersion, String taskId, String url, String universityName, String department,
                       List<Professor> professors, List<Paper> papers, int pagesFetched, String extractionMethod,
                       int accuracyScore, Metrics metrics, Instant completedAt, String workerId, int attempt,
                       List<Professor> departed) {
        this(schemaVersion, taskId, url, universityName, department, professors, papers, pagesFetched, extractionMethod,
                accuracyScore, metrics, completedAt, workerId, attempt, departed, null);
    }

    /**
     * A result without departures (every page new, or no directory page lost anyone). {@code departed}
     * lists the professors a directory page listed on its previous visit and no longer lists now,
     * with the page fetched and read completely this time; persistence marks them departed unless
     * this same result saw them again elsewhere.
     */
    public CrawlResult(int schemaVersion, String taskId, String url, String universityName, String department,
                       List<Professor> professors, List<Paper> papers, int pagesFetched, String extractionMethod,
                       int accuracyScore, Metrics metrics, Instant completedAt, String workerId, int attempt) {
        this(schemaVersion, taskId, url, universityName, department, professors, papers, pagesFetched, extractionMethod,
                accuracyScore, metrics, completedAt, workerId, attempt, List.of());
    }

    public record Professor(String name, String title, String email, String department,
                            String profileUrl, double confidence) {
    }

    /** professorRefs names the professors of this result the paper belongs to (email, else name). */
    public record Paper(String title, List<String> authors, Integer year, String venue, String doi,
                        String url, List<String> professorRefs) {
    }

    /**
     * How the crawl went. {@code cacheHit}: the start page was not downloaded again (304, or the same
     * content as last time). {@code cacheHits}: pages of the task answered 304 or unchanged, whose
     * records were taken from the last visit instead of extracted again; {@code bytesSaved}: the bytes
     * those pages had last time and did not cost this time.
     */
    public record Metrics(long totalMs, long fetchMs, long parseMs, long bytes, int httpStatus,
                          int httpErrors, boolean cacheHit, long jsRenderingMs, int cacheHits, long bytesSaved) {

        /** Metrics of a crawl without conditional requests (no page cached). */
        public Metrics(long totalMs, long fetchMs, long parseMs, long bytes, int httpStatus, int httpErrors,
                       boolean cacheHit, long jsRenderingMs) {
            this(totalMs, fetchMs, parseMs, bytes, httpStatus, httpErrors, cacheHit, jsRenderingMs, 0, 0);
        }
    }
}
