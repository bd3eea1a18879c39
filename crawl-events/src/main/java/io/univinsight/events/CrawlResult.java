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
    /** {@link #emptyReason()}: a page looked built by a script in the browser, and the crawler had no browser (rendering off). */
    public static final String EMPTY_RENDER_NEEDED = "render-needed";
    /** {@link #emptyReason()}: a page looked built by a script and the task said render: never. */
    public static final String EMPTY_RENDER_DISABLED = "render-needed-but-disabled";
    /** {@link #emptyReason()}: a page was rendered but the browser ran out of time on it. */
    public static final String EMPTY_RENDER_TIMEOUT = "render-timeout";
    /** {@link #emptyReason()}: a page was rendered and still listed nobody. */
    public static final String EMPTY_NO_PEOPLE_RENDERED = "no-people-found-after-render";
    /** Every reason a result can give for finding no professor, in the order views list them. */
    public static final List<String> EMPTY_REASONS = List.of(EMPTY_NO_PEOPLE_FOUND, EMPTY_RENDER_NEEDED,
            EMPTY_RENDER_DISABLED, EMPTY_RENDER_TIMEOUT, EMPTY_NO_PEOPLE_RENDERED);

    /**
     * A result with departures and no reason for being empty. {@code emptyReason} (null when some
     * professor was found) says why a task found no professor: one of {@link #EMPTY_REASONS}.
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

    /**
     * emailForm says how the email was shown where it was not plain text: "image" when it was read
     * from a picture by OCR; null otherwise (and in events written before it existed).
     */
    public record Professor(String name, String title, String email, String department,
                            String profileUrl, double confidence, String emailForm) {
        public static final String EMAIL_FORM_IMAGE = "image";

        public Professor(String name, String title, String email, String department, String profileUrl, double confidence) {
            this(name, title, email, department, profileUrl, confidence, null);
        }
    }

    /** professorRefs names the professors of this result the paper belongs to (email, else name). */
    public record Paper(String title, List<String> authors, Integer year, String venue, String doi,
                        String url, List<String> professorRefs) {
    }

    /**
     * How the crawl went. {@code cacheHit}: the start page was not downloaded again (304, or the same
     * content as last time). {@code cacheHits}: pages of the task answered 304 or unchanged, whose
     * records were taken from the last visit instead of extracted again; {@code bytesSaved}: the bytes
     * those pages had last time and did not cost this time. {@code pagesRendered}: pages loaded in
     * the headless browser, which took {@code jsRenderingMs} in all.
     */
    public record Metrics(long totalMs, long fetchMs, long parseMs, long bytes, int httpStatus,
                          int httpErrors, boolean cacheHit, long jsRenderingMs, int cacheHits, long bytesSaved, int pagesRendered) {

        /** Metrics of a crawl that rendered no page. */
        public Metrics(long totalMs, long fetchMs, long parseMs, long bytes, int httpStatus, int httpErrors,
                       boolean cacheHit, long jsRenderingMs, int cacheHits, long bytesSaved) {
            this(totalMs, fetchMs, parseMs, bytes, httpStatus, httpErrors, cacheHit, jsRenderingMs, cacheHits, bytesSaved, 0);
        }

        /** Metrics of a crawl without conditional requests (no page cached). */
        public Metrics(long totalMs, long fetchMs, long parseMs, long bytes, int httpStatus, int httpErrors,
                       boolean cacheHit, long jsRenderingMs) {
            this(totalMs, fetchMs, parseMs, bytes, httpStatus, httpErrors, cacheHit, jsRenderingMs, 0, 0);
        }
    }
}
