package io.univinsight.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.univinsight.testsupport.PostgresTestResource;

/**
 * A young table (rows, no statistics yet, autovacuum not come by) is analysed by the write path itself, so that
 * its first batches probe the unique index per (university, name) rather than read the university's rows per key;
 * empty tables are left alone, and a role that may not analyse leaves the batch's transaction working.
 * On the real PostgreSQL; the plan is read from EXPLAIN.
 */
class MissingStatisticsIT {
    private static final int ROWS = 2_000;
    private static final PostgresTestResource DATABASE = new PostgresTestResource();
    private static String url;
    private Connection connection;

    @BeforeAll
    static void createDatabase() {
        DATABASE.init(Map.of("schema", "migrations"));
        url = DATABASE.createDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        DATABASE.stop();
    }

    @BeforeEach
    void freshTables() throws Exception {
        connection = DriverManager.getConnection(url, DATABASE.user(), DATABASE.password());
        try (Statement s = connection.createStatement()) {
            // TRUNCATE leaves a table as young as a new one: reltuples -1, no row count known.
            s.execute("TRUNCATE professor_papers, professor_sightings, professors, papers CASCADE");
            s.execute("INSERT INTO professors (university_name, normalized_name, name, email, department, title, profile_url,"
                    + " is_verified, first_seen_at, updated_at, last_seen_at) SELECT 'One University', 'person ' || g, 'Person ' || g,"
                    + " 'p' || g || '@one.example.edu', 'Department ' || (g % 20), 'Professor', 'https://one.example.edu/p/' || g,"
                    + " true, now(), now(), now() FROM generate_series(1, " + ROWS + ") g");
        }
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void aYoungTableIsAnalysedAndItsNamesAreProbedThroughTheUniqueIndex() throws Exception {
        new MissingStatistics().analyseWhereMissing(connection);
        connection.commit();

        assertTrue(reltuples("professors") >= 0, "professors analysed");
        assertTrue(reltuples("professor_papers") < 0, "an empty table is not analysed");
        String plan = lookUpPlan();
        assertTrue(plan.contains("professors_university_name_uq"), plan);
        assertFalse(plan.contains("professors_university_first_seen_idx"), plan);
    }

    @Test
    void aRoleThatMayNotAnalyseLeavesTheTransactionWorking() throws Exception {
        String role = "no_analyse_" + UUID.randomUUID().toString().replace("-", "");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE ROLE " + role);
            s.execute("GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO " + role);
            s.execute("SET ROLE " + role);
            MissingStatistics statistics = new MissingStatistics();
            statistics.analyseWhereMissing(connection);
            statistics.analyseWhereMissing(connection);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM professors")) {
                rs.next();
                assertEquals(ROWS, rs.getInt(1), "the transaction goes on");
            }
            s.execute("RESET ROLE");
            assertTrue(reltuples("professors") < 0, "not analysed by a role that does not own it");
        } finally {
            connection.rollback(); // the role and its grants go with the transaction
        }
    }

    private double reltuples(String table) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = ?::regclass")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /** The plan of the write path's locking look-up for 500 (university, name) pairs of the stored university. */
    private String lookUpPlan() throws Exception {
        List<String> universities = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            universities.add("One University");
            names.add("person " + (i * 3 + 1));
        }
        return Explain.plan(connection, ProfessorTable.LOCK_MATCHING, new Object[0], "text", universities.toArray(), "text",
                names.toArray(), "text");
    }
}
