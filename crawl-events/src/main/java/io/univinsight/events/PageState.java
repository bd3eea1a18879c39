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
        List<CrawlResult.Paper> papers) {

    public static final int SCHEMA_VERSION = 1;
}
