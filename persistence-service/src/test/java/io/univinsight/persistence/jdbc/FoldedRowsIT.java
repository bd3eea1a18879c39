package io.univinsight.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * A listing that matches two stored rows joins them (ProfessorTable.fold, PaperTable.fold), through the service's write
 * path on a real PostgreSQL: a professor stored by email and another by name, then listed with both; a paper stored by
 * DOI and another by title and year, then listed with both. The older row survives, the sightings and paper links of
 * the folded one move to it, the folded one is gone, and writing the joining batch again changes nothing.
 */
class FoldedRowsIT {
    private static final Instant DAY0 = Instant.parse("2026-10-01T08:00:00Z");
    private static final Instant DAY1 = Instant.parse("2026-10-02T08:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-10-03T08:00:00Z");
    private static final String ADA_EMAIL = "ada@fold.example.edu";
    private static final String DOI = "10.1234/fold.alpha";

    @Test
    void aListingMatchingTwoStoredRowsFoldsTheNewerIntoTheOlder() throws Exception {
        PostgresTestResource database = new PostgresTestResource();
        database.init(Map.of("schema", "migrations"));
        try (Connection c = DriverManager.getConnection(database.createDatabase(), database.user(), database.password())) {
            c.setAutoCommit(false);
            ResultsWriter writer = new ResultsWriter();
            CrawlResult.Professor king = professor("Ada King", ADA_EMAIL);
            CrawlResult.Professor lovelace = professor("Ada Lovelace", null);
            CrawlResult.Professor bo = professor("Bo Fold", "bo@fold.example.edu");
            // Day 0: Ada by her email, with the DOI paper; day 1: Ada by her name alone, with the paper of no DOI. Bo on both.
            write(writer, c, page(DAY0, List.of(king, bo), List.of(paper("Alpha results on folding", 2024, DOI, ADA_EMAIL, bo.email()))));
            write(writer, c, page(DAY1, List.of(lovelace, bo), List.of(paper("Beta results on folding", 2023, null, "Ada Lovelace", bo.email()))));
            assertEquals(List.of(3L, 2L, 4L, 4L), WritePathRows.counts(c));
            long kingId = id(c, "SELECT id FROM professors WHERE email = '" + ADA_EMAIL + "'");
            long lovelaceId = id(c, "SELECT id FROM professors WHERE normalized_name = 'ada lovelace'");
            long alphaId = id(c, "SELECT id FROM papers WHERE doi = '" + DOI + "'");

            // Day 2: Ada by name and email, and the day-1 paper with the DOI of day 0's.
            CrawlResult joining = page(DAY2, List.of(professor("Lovelace, Ada", ADA_EMAIL), bo),
                    List.of(paper("Beta results on folding", 2023, DOI, ADA_EMAIL, bo.email())));
            write(writer, c, joining);
            // professors Ada and Bo; one paper; sightings: Ada's three and Bo's three; links Ada-paper and Bo-paper
            List<Long> expected = List.of(2L, 1L, 6L, 2L);
            assertEquals(expected, WritePathRows.counts(c));
            long survivor = Math.min(kingId, lovelaceId);
            assertEquals(survivor, id(c, "SELECT id FROM professors WHERE email = '" + ADA_EMAIL + "'"), "the older row survives");
            assertEquals(3L, id(c, "SELECT count(*) FROM professor_sightings WHERE professor_id = " + survivor),
                    "the folded row's sightings moved to the survivor");
            assertEquals(alphaId, id(c, "SELECT id FROM papers"), "the older paper survives");
            assertEquals(2L, id(c, "SELECT count(*) FROM professor_papers WHERE paper_id = " + alphaId
                    + " AND professor_id IN (" + survivor + ", " + id(c, "SELECT id FROM professors WHERE email = '" + bo.email() + "'") + ")"),
                    "every link of the folded rows now points at the survivors");

            write(writer, c, joining); // the same result delivered again
            assertEquals(expected, WritePathRows.counts(c), "a replay folds nothing more");
        } finally {
            database.stop();
        }
    }

    private static void write(ResultsWriter writer, Connection c, CrawlResult result) throws Exception {
        writer.write(c, List.of(result), new RowsWritten());
        c.commit();
    }

    private static CrawlResult.Professor professor(String name, String email) {
        return new CrawlResult.Professor(name, "Professor", email, "Mathematics", null, 0.9, null);
    }

    private static CrawlResult.Paper paper(String title, int year, String doi, String... refs) {
        return new CrawlResult.Paper(title, List.of("A. Lovelace"), year, "Venue", doi, null, List.of(refs));
    }

    private static CrawlResult page(Instant at, List<CrawlResult.Professor> professors, List<CrawlResult.Paper> papers) {
        return new CrawlResult(CrawlResult.SCHEMA_VERSION, UUID.nameUUIDFromBytes(at.toString().getBytes()).toString(),
                "http://fold.example.edu/people", "Fold University", null, professors, papers, 1, "directory", 90,
                new CrawlResult.Metrics(10, 5, 1, 100, 200, 0, false, 0), at, "test", 1, List.of());
    }

    private static long id(Connection c, String query) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
