package io.univinsight.events;

import java.time.Instant;
import java.util.List;

/**
 * What a crawler remembers of one page between visits, on the compacted topic {@link Topics#PAGE_STATE}
 * keyed by the page's normalised URL: its validators for a conditional GET ({@code etag},
 * {@code lastModified}), a hash of its body, and what it gave last time (links followed, records), so
 * a 304 or an unchanged body needs no download or extraction and still counts its records as seen.
 * A tombstone (null value) forgets a page.
 */
public record PageState(
        int schemaVersion,
        String url,
        String etag,
        String lastModified,
        String contentSha256,
        long bytes,
        Instant fetchedAt,
        String pageKind,
        List<String> links,
        List<CrawlResult.Professor> professors,
        List<CrawlResult.Paper> papers,
        List<String> extractors,
        int accuracyScore) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * A state without how its records were found. {@code extractors} and {@code accuracyScore} are the
     * page's extraction method and score, so a task whose pages all come from the cache reports the
     * same method and score as the visit that extracted them (a state written before they existed
     * reads as none and 0).
     */
    public PageState(int schemaVersion, String url, String etag, String lastModified, String contentSha256, long bytes,
                     Instant fetchedAt, String pageKind, List<String> links, List<CrawlResult.Professor> professors,
                     List<CrawlResult.Paper> papers) {
        this(schemaVersion, url, etag, lastModified, contentSha256, bytes, fetchedAt, pageKind, links, professors, papers,
                List.of(), 0);
    }
}
