package io.univinsight.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.univinsight.events.CrawlResult;
import io.univinsight.persistence.metrics.RowsWritten;
import io.univinsight.persistence.service.ResultsWriter;
import io.univinsight.testsupport.PostgresTestResource;

/**
 * Sightings of rows a batch inserts, or of tasks whose result it stores first, and links of rows it inserts, skip the
 * conflict check (SightingTable, PaperTable.link); the others keep it. One batch mixes both kinds, through the service's
 * write path on a real PostgreSQL: what it stores is what it stored when every row took the check, writing the batch
 * again (a replay) stores nothing more, and a later result of a task already stored still adds its sighting.
 */
class FreshRowsIT {
    private static final Instant DAY0 = Instant.parse("2026-10-01T08:00:00Z");
    private static final Instant DAY1 = Instant.parse("2026-10-02T08:00:00Z");

    @Test
    void aBatchMixingNewAndStoredRowsStoresEachSightingAndLinkOnce() throws Exception {
        PostgresTestResource database = new PostgresTestResource();
        database.init(Map.of("schema", "migrations"));
        try (Connection c = DriverManager.getConnection(database.createDatabase(), database.user(), database.password())) {
            c.setAutoCommit(false);
            ResultsWriter writer = new ResultsWriter();
            // Day 0: Ada and her first paper are stored.
            writer.write(c, List.of(page(DAY0, List.of(ADA), List.of(paper("First", ADA)))), new RowsWritten());
            c.commit();
            assertEquals(List.of(1L, 1L, 1L, 1L), WritePathRows.counts(c));

            // Day 1, one batch of two pages: Ada (stored) again with her stored paper and a new one; Bo (new) with
            // Ada's stored paper, listed on both pages; the pair Bo-First twice.
            List<CrawlResult> batch = List.of(
                    page(DAY1, List.of(ADA, BO), List.of(paper("First", ADA, BO), paper("Second", ADA))),
                    page(DAY1, List.of(BO), List.of(paper("First", BO))));
            writer.write(c, batch, new RowsWritten());
            c.commit();
            // professors 2; papers 2; sightings: Ada day 0 and day 1, Bo once per page; links Ada-First, Ada-Second, Bo-First
            List<Long> expected = List.of(2L, 2L, 4L, 3L);
            assertEquals(expected, WritePathRows.counts(c));

            writer.write(c, batch, new RowsWritten()); // the same results delivered again
            c.commit();
            assertEquals(expected, WritePathRows.counts(c), "a replay adds no sighting or link");

            // The first page's task again, resolved later: its result row stays the first one, Ada's new sighting is stored.
            CrawlResult first = batch.get(0);
            writer.write(c, List.of(page(first.taskId(), DAY1.plusSeconds(60), List.of(ADA), List.of())), new RowsWritten());
            c.commit();
            assertEquals(List.of(2L, 2L, 5L, 3L), WritePathRows.counts(c));
        } finally {
            database.stop();
        }
    }

    private static final CrawlResult.Professor ADA = new CrawlResult.Professor("Ada Fresh", "Professor", "ada@fresh.example.edu",
            "Physics", "http://fresh.example.edu/p/ada", 0.9, null);
    private static final CrawlResult.Professor BO = new CrawlResult.Professor("Bo Fresh", "Associate Professor",
            "bo@fresh.example.edu", "Physics", "http://fresh.example.edu/p/bo", 0.9, null);

    private static CrawlResult.Paper paper(String title, CrawlResult.Professor... by) {
        List<String> refs = java.util.Arrays.stream(by).map(CrawlResult.Professor::email).toList();
        return new CrawlResult.Paper(title + " results on fresh rows", java.util.Arrays.stream(by).map(CrawlResult.Professor::name).toList(),
                2025, "Venue", null, null, refs);
    }

    private static CrawlResult page(Instant at, List<CrawlResult.Professor> professors, List<CrawlResult.Paper> papers) {
        return page(UUID.nameUUIDFromBytes((at + "" + professors + papers).getBytes()).toString(), at, professors, papers);
    }

    private static CrawlResult page(String taskId, Instant at, List<CrawlResult.Professor> professors, List<CrawlResult.Paper> papers) {
        return new CrawlResult(CrawlResult.SCHEMA_VERSION, taskId, "http://fresh.example.edu/people", "Fresh University", null, professors, papers, 1, "directory", 90,
                new CrawlResult.Metrics(10, 5, 1, 100, 200, 0, false, 0), at, "test", 1, List.of());
    }
}
