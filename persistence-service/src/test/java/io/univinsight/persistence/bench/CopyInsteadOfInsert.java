package io.univinsight.persistence.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.PGConnection;

import io.univinsight.persistence.jdbc.ProfessorTable;
import io.univinsight.persistence.merge.ProfessorRow;
import io.univinsight.persistence.merge.Sighting;

/**
 * Would COPY make the write path's inserts of new professors cheaper? The service's own INSERT
 * ({@link ProfessorTable#insert}: all rows' values as arrays through unnest, ids returned) against a COPY of the
 * same rows, which cannot return ids, so it first draws them from the table's sequence, as a COPY-based insert
 * would have to. Same batches, one transaction each, a CHECKPOINT before each timed pass, the two alternated on an
 * emptied table. Prints each round's seconds; asserts nothing. Run with
 * {@code bench/persistence/run.sh copy-vs-insert [rows=20000] [rows per transaction=1000] [rounds=6]}.
 */
public final class CopyInsteadOfInsert {
    private static final String COPY = "COPY professors (id, university_name, normalized_name, name, name_seen_at, email, email_seen_at,"
            + " title, title_seen_at, department, department_seen_at, profile_url, profile_url_seen_at, is_verified, email_form,"
            + " confidence, first_seen_at, updated_at, last_seen_at) FROM STDIN";

    private CopyInsteadOfInsert() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        try (ScratchDatabase database = new ScratchDatabase("jdbc:postgresql://127.0.0.1:5432/postgres");
             Connection c = database.connect()) {
            c.setAutoCommit(false);
            System.out.printf("%d new professors in transactions of %d, %d rounds (seconds)%n", rows, batch, rounds);
            ProfessorTable table = new ProfessorTable();
            for (int round = 0; round < rounds; round++) {
                double insert = timed(c, () -> {
                    for (int from = 0; from < rows; from += batch) {
                        table.insert(c, generate(from, Math.min(batch, rows - from)));
                        c.commit();
                    }
                });
                long inserted = storedRows(c);
                double copy = timed(c, () -> {
                    for (int from = 0; from < rows; from += batch) {
                        copy(c, generate(from, Math.min(batch, rows - from)));
                        c.commit();
                    }
                });
                long copied = storedRows(c);
                if (inserted != rows || copied != rows) {
                    throw new IllegalStateException("stored " + inserted + " rows by INSERT and " + copied + " by COPY, not " + rows);
                }
                System.out.printf("round %d: service INSERT %.3f, COPY with ids drawn first %.3f%n", round + 1, insert, copy);
            }
        }
    }

    private interface Pass {
        void run() throws Exception;
    }

    /** One pass on an emptied table, after a checkpoint; its seconds. */
    private static double timed(Connection c, Pass pass) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE professors CASCADE");
            c.commit();
        }
        UpsertBenchmark.checkpoint(c);
        long start = System.nanoTime();
        pass.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** The rows a pass left in the table: both passes must store them all. */
    private static long storedRows(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet count = s.executeQuery("SELECT count(*) FROM professors")) {
            count.next();
            long rows = count.getLong(1);
            c.commit();
            return rows;
        }
    }

    private static void copy(Connection c, List<ProfessorRow> rows) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('professors_id_seq') FROM generate_series(1, ?)")) {
            ps.setInt(1, rows.size());
            try (ResultSet ids = ps.executeQuery()) {
                for (ProfessorRow r : rows) {
                    ids.next();
                    r.id = ids.getLong(1);
                }
            }
        }
        StringBuilder text = new StringBuilder(rows.size() * 400);
        for (ProfessorRow r : rows) {
            text.append(r.id).append('\t').append(r.university).append('\t').append(r.normalizedName());
            for (Sighting s : new Sighting[] {r.name, r.email, r.title, r.department, r.profileUrl}) {
                text.append('\t').append(Sighting.valueOf(s)).append('\t').append(Sighting.timeOf(s));
            }
            text.append('\t').append(r.verified ? 't' : 'f').append("\t\\N\t").append(r.confidence).append('\t').append(r.firstSeenAt)
                    .append('\t').append(r.updatedAt).append('\t').append(r.lastSeenAt).append('\n');
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(text.toString()));
    }

    /** Rows as UpsertBenchmark's results hold them: every field set, one university, an address each. */
    private static List<ProfessorRow> generate(int from, int count) {
        Instant at = Instant.parse("2026-11-01T00:00:00.123456Z");
        List<ProfessorRow> out = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            ProfessorRow r = new ProfessorRow();
            r.university = "Bench University u";
            r.name = Sighting.of("Person" + i / 20 + " Family" + i % 20, at);
            r.email = Sighting.of("u" + i + "@bench.example.edu", at);
            r.title = Sighting.of("Professor", at);
            r.department = Sighting.of("dept " + i % 20, at);
            r.profileUrl = Sighting.of("http://bench.example.edu/p/" + i, at);
            r.verified = true;
            r.confidence = 0.9f;
            r.firstSeenAt = at;
            r.updatedAt = at;
            r.lastSeenAt = at;
            out.add(r);
        }
        return out;
    }
}
