package io.univinsight.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.univinsight.testsupport.PostgresTestResource;

/**
 * The write path's look-ups read a batch's rows by key, whatever the table's size: on 30,000 professors of one
 * university and 30,000 papers, never analysed (a young table, or autovacuum off), the plans of the locking
 * look-ups probe indexes and never scan a whole table. Asserted on EXPLAIN of the real PostgreSQL, not on time.
 */
class LookupPlansIT {
    private static final int ROWS = 30_000;
    private static final int BATCH = 1_000;
    private static final PostgresTestResource DATABASE = new PostgresTestResource();
    private static Connection connection;

    @BeforeAll
    static void loadTables() throws Exception {
        DATABASE.init(Map.of("schema", "migrations"));
        connection = DriverManager.getConnection(DATABASE.createDatabase(), DATABASE.user(), DATABASE.password());
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO professors (university_name, normalized_name, name, email, department, is_verified, first_seen_at,"
                    + " updated_at, last_seen_at) SELECT 'One University', 'person ' || g, 'Person ' || g, 'p' || g || '@one.example.edu',"
                    + " 'Department ' || (g % 40), true, now(), now(), now() FROM generate_series(1, " + ROWS + ") g");
            s.execute("INSERT INTO papers (title, normalized_title, published_year, doi, first_seen_at, updated_at, last_seen_at)"
                    + " SELECT 'Paper ' || g, 'paper ' || g, 2000 + g % 25, CASE WHEN g % 2 = 0 THEN '10.5555/' || g END,"
                    + " now(), now(), now() FROM generate_series(1, " + ROWS + ") g");
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        connection.close();
        DATABASE.stop();
    }

    @Test
    void professorsAreFoundByEmailAndByUniversityAndName() throws Exception {
        List<String> emails = new ArrayList<>();
        List<String> universities = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            emails.add("p" + (i * 7 + 1) + "@one.example.edu");
            universities.add("One University");
            names.add("person " + (i * 11 + 3)); // half of them stored, half new
        }
        String plan = Explain.plan(connection, ProfessorTable.LOCK_MATCHING, emails.toArray(), "text", universities.toArray(), "text",
                names.toArray(), "text");
        assertFalse(plan.contains("Seq Scan on professors"), plan);
        assertTrue(plan.contains("professors_email_uq") && plan.contains("professors_university_name_uq"), plan);
    }

    @Test
    void papersAreFoundByDoiAndByTitleAndYear() throws Exception {
        List<String> dois = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            dois.add("10.5555/" + (i * 4 + 2));
            titles.add("paper " + (i * 4 + 1));
            years.add(2000 + (i * 4 + 1) % 25);
        }
        String plan = Explain.plan(connection, PaperTable.LOCK_MATCHING, dois.toArray(), "text", titles.toArray(), "text",
                years.toArray(), "int4");
        assertFalse(plan.contains("Seq Scan on papers"), plan);
    }
}
