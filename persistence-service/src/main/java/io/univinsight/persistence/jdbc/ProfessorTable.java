package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.univinsight.persistence.merge.ProfessorRow;
import io.univinsight.persistence.merge.Sighting;

/** professors: find a batch's matches (locked), fold duplicates, then update and insert, one statement each. */
public final class ProfessorTable {
    private static final UnnestColumns<ProfessorRow> ROW = columns(new UnnestColumns<>());
    private static final UnnestColumns<ProfessorRow> ID_AND_ROW = columns(new UnnestColumns<ProfessorRow>().bigint("id", r -> r.id));
    private static final String COLUMNS = ROW.names();
    /**
     * One statement; each email and each (university, name) pair probes its unique index ({@link KeyProbes}).
     * Joined instead, the pairs had the whole table hashed for every batch (EXPLAIN ANALYZE at 60,000 professors
     * of one university: a sequential scan, 28 of 33 ms). On a table without statistics the planner may probe a
     * pair through (university_name, first_seen_at) instead, reading the university's rows per key: hence
     * {@link MissingStatistics}.
     */
    static final String LOCK_MATCHING = "SELECT p.id, " + COLUMNS + " FROM " + KeyProbes.lockedInIdOrder("professors",
            "SELECT x.id FROM unnest(?::text[]) AS e(email) " + KeyProbes.probe("professors", "email = e.email") + " x"
            + " UNION ALL SELECT x.id FROM unnest(?::text[], ?::text[]) AS k(u, n) "
            + KeyProbes.probe("professors", "university_name = k.u AND normalized_name = k.n") + " x");
    private static final String UPDATE = KeyProbes.updateById("professors", ID_AND_ROW.assignments("r", "id"), ID_AND_ROW.unnest("r"));
    private static final String INSERT = "INSERT INTO professors (" + COLUMNS + ") SELECT " + ROW.values("r") + " FROM " + ROW.unnest("r")
            + " RETURNING id, university_name, normalized_name";

    private static UnnestColumns<ProfessorRow> columns(UnnestColumns<ProfessorRow> start) {
        return start.text("university_name", r -> r.university)
                .text("normalized_name", ProfessorRow::normalizedName)
                .sighting("name", r -> r.name)
                .sighting("email", r -> r.email)
                .sighting("title", r -> r.title)
                .sighting("department", r -> r.department)
                .sighting("profile_url", r -> r.profileUrl)
                .bool("is_verified", r -> r.verified)
                .text("email_form", r -> r.emailForm)
                .real("confidence", r -> r.confidence)
                .instant("first_seen_at", r -> r.firstSeenAt)
                .instant("updated_at", r -> r.updatedAt)
                .instant("last_seen_at", r -> r.lastSeenAt);
    }

    /** Stored rows with one of the emails or one of the (university, normalised name) pairs, locked until commit. */
    public List<ProfessorRow> lockMatching(Connection c, Collection<String> emails, Collection<String> universities,
                                           Collection<String> nameKeys) throws SQLException {
        Map<Long, ProfessorRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK_MATCHING)) {
            ps.setArray(1, c.createArrayOf("text", emails.toArray()));
            ps.setArray(2, c.createArrayOf("text", universities.toArray()));
            ps.setArray(3, c.createArrayOf("text", nameKeys.toArray()));
            read(ps, rows);
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * Moves the paper links and sightings of folded rows to their survivor, then deletes the folded rows
     * (their history goes with them: the survivor's is derived again from the moved sightings).
     */
    public void fold(Connection c, Map<Long, Long> survivorOfFolded) throws SQLException {
        Folds.run(c, survivorOfFolded, "DELETE FROM professors WHERE id = ?",
                "INSERT INTO professor_papers (professor_id, paper_id) SELECT ?, paper_id FROM professor_papers WHERE professor_id = ?"
                        + " ON CONFLICT DO NOTHING",
                "INSERT INTO professor_sightings (professor_id, seen_at, task_id, university_name, title, email, department, verified)"
                        + " SELECT ?, seen_at, task_id, university_name, title, email, department, verified FROM professor_sightings"
                        + " WHERE professor_id = ? ON CONFLICT DO NOTHING");
    }

    public void update(Connection c, Collection<ProfessorRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            int ids = ID_AND_ROW.bind(c, ps, rows);
            ps.setArray(ids, c.createArrayOf("int8", rows.stream().map(r -> r.id).toArray()));
            ps.executeUpdate();
        }
    }

    /**
     * Inserts new rows (none of them matched a stored row) and sets their ids. A row another writer inserted
     * since the lookup fails the statement with a unique violation, which makes the batch retry.
     */
    public void insert(Connection c, List<ProfessorRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, ProfessorRow> byKey = new HashMap<>(rows.size() * 2);
        for (ProfessorRow r : rows) {
            byKey.put(r.university + '\u0000' + r.normalizedName(), r);
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ROW.bind(c, ps, rows);
            try (ResultSet keys = ps.executeQuery()) {
                while (keys.next()) {
                    byKey.get(keys.getString(2) + '\u0000' + keys.getString(3)).id = keys.getLong(1);
                }
            }
        }
    }

    static Sighting sighting(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : new Sighting(value, instant(rs, column + "_seen_at"));
    }

    private static void read(PreparedStatement ps, Map<Long, ProfessorRow> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ProfessorRow r = new ProfessorRow();
                r.id = rs.getLong("id");
                r.university = rs.getString("university_name");
                r.name = sighting(rs, "name");
                r.email = sighting(rs, "email");
                r.title = sighting(rs, "title");
                r.department = sighting(rs, "department");
                r.profileUrl = sighting(rs, "profile_url");
                r.verified = rs.getBoolean("is_verified");
                r.emailForm = rs.getString("email_form");
                float confidence = rs.getFloat("confidence");
                r.confidence = rs.wasNull() ? null : confidence;
                r.firstSeenAt = instant(rs, "first_seen_at");
                r.updatedAt = instant(rs, "updated_at");
                r.lastSeenAt = instant(rs, "last_seen_at");
                into.putIfAbsent(r.id, r);
            }
        }
    }
}
