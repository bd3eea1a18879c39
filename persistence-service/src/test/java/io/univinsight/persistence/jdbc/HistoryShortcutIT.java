package io.univinsight.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.univinsight.events.CrawlResult;
import io.univinsight.persistence.metrics.RowsWritten;
import io.univinsight.persistence.service.ResultsWriter;
import io.univinsight.testsupport.PostgresTestResource;

/**
 * The history a recrawl leaves is the history the facts give: results written through the service's write path
 * (which passes over the professors a recrawl lists as before, {@link ProfessorHistory#unchangedByNewestSighting})
 * leave the same professor_changes and departed_at as deriving every professor again from all the stored facts.
 * Thirty days of recrawls of one directory of 24 people (four of them joining later, names sometimes with an
 * initial), values kept mostly, sometimes changed or left out, some listed with values of their own on a second home
 * page at the same moment or on another university's page, some results delivered late, departures every tenth day.
 */
class HistoryShortcutIT {
    private static final String HOME = "Shortcut University";
    private static final List<String> TITLES = List.of("Professor", "Associate Professor", "Lecturer");
    private static final List<String> DEPARTMENTS = List.of("Physics", "Chemistry");

    /** Twelve crawl stories: each check of the short-cut needs a rare turn of events that one story may lack. */
    @ParameterizedTest
    @ValueSource(longs = {16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27})
    void recrawlsLeaveTheHistoryAFullDerivationGives(long seed) throws Exception {
        PostgresTestResource database = new PostgresTestResource();
        database.init(Map.of("schema", "migrations"));
        try (Connection c = DriverManager.getConnection(database.createDatabase(), database.user(), database.password())) {
            c.setAutoCommit(false);
            Random random = new Random(seed);
            List<CrawlResult> results = new ArrayList<>();
            Instant day0 = Instant.parse("2026-10-01T08:00:00Z");
            for (int day = 0; day < 30; day++) {
                results.addAll(day(random, day, day0.plus(Duration.ofDays(day)), day % 10 == 9));
            }
            // a few days arrive after the next one
            for (int i = 4; i + 2 < results.size(); i += 7) {
                Collections.swap(results, i, i + 2);
            }
            ResultsWriter writer = new ResultsWriter();
            for (int i = 0; i < results.size(); i += 1 + i % 3 / 2) { // batches of one result, now and then two
                writer.write(c, results.subList(i, Math.min(results.size(), i + 1 + i % 3 / 2)), new RowsWritten());
                c.commit();
                // after every batch: a later derivation of a professor would mend what an earlier one missed
                String written = history(c);
                assertEquals(derivedAfresh(c), written, "after the batch starting at result " + i);
            }
            assertTrue(history(c).lines().filter(l -> !l.contains(" departed ")).count() > 20,
                    "the recrawls should leave some changes:\n" + history(c));
        } finally {
            database.stop();
        }
    }

    /** One day: the directory page of the home university, and sometimes another university's page listing some of them. */
    private static List<CrawlResult> day(Random random, int day, Instant at, boolean departures) {
        List<CrawlResult.Professor> listed = new ArrayList<>();
        List<CrawlResult.Professor> departed = new ArrayList<>();
        for (int p = 0; p < 24; p++) {
            if (p >= 20 && day < (p - 19) * 6) {
                continue; // a newcomer, listed from day 6, 12, 18 or 24
            }
            // now and then a middle initial: departures match on the name, so a row's name decides which apply
            String name = "Person" + p + (random.nextInt(12) == 0 ? " Q." : "") + " Shortcut";
            if (departures && random.nextInt(6) == 0) {
                String named = "Person" + p + (random.nextBoolean() ? " Q." : "") + " Shortcut";
                departed.add(new CrawlResult.Professor(named, null, null, null, null, 0.9, null));
                continue;
            }
            // mostly the values of a stable person (p % 3), sometimes another or none
            String title = random.nextInt(6) == 0 ? TITLES.get(random.nextInt(TITLES.size())) : TITLES.get(p % 3);
            String email = random.nextInt(8) == 0 ? null : "p" + p + (random.nextInt(10) == 0 ? "x" : "") + "@shortcut.example.edu";
            String department = random.nextInt(7) == 0 ? null : DEPARTMENTS.get(random.nextInt(10) == 0 ? (p + 1) % 2 : p % 2);
            listed.add(new CrawlResult.Professor(name, random.nextInt(9) == 0 ? null : title, email, department, null, 0.9, null));
        }
        List<CrawlResult> out = new ArrayList<>();
        out.add(result(HOME, "http://shortcut.example.edu/people", listed, departed, at));
        if (random.nextInt(5) == 0) {
            // a second page of the same site at the same moment, giving other values for some of them
            out.add(result(HOME, "http://shortcut.example.edu/staff", ownValues(random, listed.subList(0, Math.min(6, listed.size()))),
                    List.of(), at));
        }
        if (random.nextInt(2) == 0) {
            // another university's page, now and then at the home listing's very moment
            out.add(result("Elsewhere University", "http://elsewhere.example.org/visitors",
                    ownValues(random, someOf(random, listed)), List.of(), random.nextBoolean() ? at : at.plusSeconds(60)));
        }
        return out;
    }

    /** About a third of the people, newcomers among them where there are any. */
    private static List<CrawlResult.Professor> someOf(Random random, List<CrawlResult.Professor> people) {
        return people.stream().filter(p -> random.nextInt(3) == 0).toList();
    }

    /** The same people with a page's own title and department: half the time each the person's usual one. */
    private static List<CrawlResult.Professor> ownValues(Random random, List<CrawlResult.Professor> people) {
        List<CrawlResult.Professor> out = new ArrayList<>();
        for (CrawlResult.Professor p : people) {
            int n = Integer.parseInt(p.name().substring("Person".length(), p.name().indexOf(' ')));
            String title = TITLES.get(random.nextBoolean() ? n % 3 : random.nextInt(TITLES.size()));
            String department = DEPARTMENTS.get(random.nextBoolean() ? n % 2 : random.nextInt(DEPARTMENTS.size()));
            out.add(new CrawlResult.Professor(p.name(), title, p.email(), department, null, 0.9, null));
        }
        return out;
    }

    private static CrawlResult result(String university, String url, List<CrawlResult.Professor> professors,
                                      List<CrawlResult.Professor> departed, Instant at) {
        return new CrawlResult(CrawlResult.SCHEMA_VERSION, UUID.randomUUID().toString(), url, university, null, professors, List.of(),
                1, "directory", 90, new CrawlResult.Metrics(10, 5, 1, 100, 200, 0, false, 0), at, "test", 1, departed);
    }

    /** Every professor derived again from all the stored facts, read, then rolled back. */
    private static String derivedAfresh(Connection c) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM professors")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DELETE FROM professor_changes");
            s.execute("UPDATE professors SET departed_at = NULL");
        }
        new ProfessorHistory().derive(c, ids, Set.copyOf(ids), Set.of());
        String derived = history(c);
        c.rollback();
        return derived;
    }

    /** Every change row and departed_at, by professor name, in a stable order. */
    private static String history(Connection c) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT p.normalized_name || ' ' || h.field || ' ' || coalesce(h.old_value, '-') || ' > ' || coalesce(h.new_value, '-')"
                        + " || ' ' || h.changed_at || ' ' || coalesce(h.task_id::text, '-') FROM professor_changes h"
                        + " JOIN professors p ON p.id = h.professor_id"
                        + " UNION ALL SELECT normalized_name || ' departed ' || coalesce(departed_at::text, 'no') FROM professors ORDER BY 1")) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }
}
