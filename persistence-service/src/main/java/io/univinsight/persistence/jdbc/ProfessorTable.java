package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.instant;
import static io.univinsight.persistence.jdbc.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.univinsight.persistence.merge.ProfessorRow;
import io.univinsight.persistence.merge.Sighting;

/** professors: find a batch's matches (locked), fold duplicates, then update and insert in JDBC batches. */
public final class ProfessorTable {
    private static final String COLUMNS = "university_name, normalized_name, name, name_seen_at, email, email_seen_at, "
            + "title, title_seen_at, department, department_seen_at, profile_url, profile_url_seen_at, "
            + "is_verified, confidence, first_seen_at, updated_at";

    /** Stored rows with one of the emails or one of the (university, normalised name) pairs, locked until commit. */
    public List<ProfessorRow> lockMatching(Connection c, Collection<String> emails, Collection<String> universities,
                                           Collection<String> nameKeys) throws SQLException {
        Map<Long, ProfessorRow> rows = new LinkedHashMap<>();
        if (!emails.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS
                    + " FROM professors WHERE email = ANY (?) ORDER BY id FOR UPDATE")) {
                ps.setArray(1, c.createArrayOf("varchar", emails.toArray()));
                read(ps, rows);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id, " + prefixed("p.")
                + " FROM professors p JOIN unnest(?::varchar[], ?::varchar[]) AS k(u, n)"
                + " ON p.university_name = k.u AND p.normalized_name = k.n ORDER BY p.id FOR UPDATE OF p")) {
            ps.setArray(1, c.createArrayOf("varchar", universities.toArray()));
            ps.setArray(2, c.createArrayOf("varchar", nameKeys.toArray()));
            read(ps, rows);
        }
        return new ArrayList<>(rows.values());
    }

    /** Moves the paper links of folded rows to their survivor, then deletes the folded rows. */
    public void fold(Connection c, Map<Long, Long> survivorOfFolded) throws SQLException {
        if (survivorOfFolded.isEmpty()) {
            return;
        }
        try (PreparedStatement relink = c.prepareStatement("INSERT INTO professor_papers (professor_id, paper_id) "
                + "SELECT ?, paper_id FROM professor_papers WHERE professor_id = ? ON CONFLICT DO NOTHING");
             PreparedStatement delete = c.prepareStatement("DELETE FROM professors WHERE id = ?")) {
            for (Map.Entry<Long, Long> e : survivorOfFolded.entrySet()) {
                relink.setLong(1, e.getValue());
                relink.setLong(2, e.getKey());
                relink.addBatch();
                delete.setLong(1, e.getKey());
                delete.addBatch();
            }
            relink.executeBatch();
            delete.executeBatch();
        }
    }

    public void update(Connection c, Collection<ProfessorRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE professors SET " + COLUMNS.replace(",", " = ?,") + " = ? WHERE id = ?")) {
            for (ProfessorRow r : rows) {
                bind(ps, r);
                ps.setLong(17, r.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inserts new rows and sets their ids. A row another writer inserted meanwhile makes the batch retry. */
    public void insert(Connection c, List<ProfessorRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO professors (" + COLUMNS + ") VALUES ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                new String[] {"id", "university_name", "normalized_name"})) {
            Map<String, ProfessorRow> byKey = new HashMap<>(rows.size() * 2);
            for (ProfessorRow r : rows) {
                bind(ps, r);
                ps.addBatch();
                byKey.put(r.university + '\u0000' + r.normalizedName(), r);
            }
            ps.executeBatch();
            int inserted = 0;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    byKey.get(keys.getString(2) + '\u0000' + keys.getString(3)).id = keys.getLong(1);
                    inserted++;
                }
            }
            if (inserted != rows.size()) {
                throw Jdbc.concurrentInsert("professors");
            }
        }
    }

    private static void bind(PreparedStatement ps, ProfessorRow r) throws SQLException {
        ps.setString(1, r.university);
        ps.setString(2, r.normalizedName());
        setSighting(ps, 3, r.name);
        setSighting(ps, 5, r.email);
        setSighting(ps, 7, r.title);
        setSighting(ps, 9, r.department);
        setSighting(ps, 11, r.profileUrl);
        ps.setBoolean(13, r.verified);
        if (r.confidence == null) {
            ps.setNull(14, Types.REAL);
        } else {
            ps.setFloat(14, r.confidence);
        }
        setInstant(ps, 15, r.firstSeenAt);
        setInstant(ps, 16, r.updatedAt);
    }

    static void setSighting(PreparedStatement ps, int i, Sighting s) throws SQLException {
        ps.setString(i, Sighting.valueOf(s));
        setInstant(ps, i + 1, Sighting.timeOf(s));
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
                float confidence = rs.getFloat("confidence");
                r.confidence = rs.wasNull() ? null : confidence;
                r.firstSeenAt = instant(rs, "first_seen_at");
                r.updatedAt = instant(rs, "updated_at");
                into.putIfAbsent(r.id, r);
            }
        }
    }

    private static String prefixed(String prefix) {
        return prefix + COLUMNS.replace(", ", ", " + prefix);
    }
}
