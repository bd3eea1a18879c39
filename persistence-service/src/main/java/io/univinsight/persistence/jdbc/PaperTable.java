package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.instant;
import static io.univinsight.persistence.jdbc.Jdbc.setInstant;
import static io.univinsight.persistence.jdbc.Jdbc.setInteger;
import static io.univinsight.persistence.jdbc.ProfessorTable.setSighting;
import static io.univinsight.persistence.jdbc.ProfessorTable.sighting;

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

import io.univinsight.persistence.merge.PaperRow;

/** papers and professor_papers: find a batch's matches (locked), fold duplicates, update and insert in JDBC batches. */
public final class PaperTable {
    private static final String COLUMNS = "doi, published_year, normalized_title, title, title_seen_at, authors, authors_seen_at, "
            + "venue, venue_seen_at, url, url_seen_at, first_seen_at, updated_at";

    /** Stored rows with one of the DOIs or one of the (normalised title, year) pairs, locked until commit. */
    public List<PaperRow> lockMatching(Connection c, Collection<String> dois, Collection<String> titleKeys,
                                       Collection<Integer> years) throws SQLException {
        Map<Long, PaperRow> rows = new LinkedHashMap<>();
        if (!dois.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS
                    + " FROM papers WHERE doi = ANY (?) ORDER BY id FOR UPDATE")) {
                ps.setArray(1, c.createArrayOf("varchar", dois.toArray()));
                read(ps, rows);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p." + COLUMNS.replace(", ", ", p.")
                + " FROM papers p JOIN unnest(?::text[], ?::int[]) AS k(t, y)"
                + " ON p.normalized_title = k.t AND COALESCE(p.published_year, 0) = k.y ORDER BY p.id FOR UPDATE OF p")) {
            ps.setArray(1, c.createArrayOf("text", titleKeys.toArray()));
            ps.setArray(2, c.createArrayOf("int4", years.toArray()));
            read(ps, rows);
        }
        return new ArrayList<>(rows.values());
    }

    /** Moves links of folded rows to their survivor, then deletes the folded rows. */
    public void fold(Connection c, Map<Long, Long> survivorOfFolded) throws SQLException {
        if (survivorOfFolded.isEmpty()) {
            return;
        }
        try (PreparedStatement relink = c.prepareStatement("INSERT INTO professor_papers (professor_id, paper_id) "
                + "SELECT professor_id, ? FROM professor_papers WHERE paper_id = ? ON CONFLICT DO NOTHING");
             PreparedStatement delete = c.prepareStatement("DELETE FROM papers WHERE id = ?")) {
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

    public void update(Connection c, Collection<PaperRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE papers SET " + COLUMNS.replace(",", " = ?,") + " = ? WHERE id = ?")) {
            for (PaperRow r : rows) {
                bind(ps, r);
                ps.setLong(14, r.id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inserts new rows and sets their ids; a row another writer inserted meanwhile makes the batch retry. */
    public void insert(Connection c, List<PaperRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO papers (" + COLUMNS + ") VALUES ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                new String[] {"id", "doi", "normalized_title", "published_year"})) {
            Map<String, PaperRow> byKey = new HashMap<>(rows.size() * 2);
            for (PaperRow r : rows) {
                bind(ps, r);
                ps.addBatch();
                byKey.put(identity(r.doi, r.normalizedTitle(), r.year), r);
            }
            ps.executeBatch();
            int inserted = 0;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    int year = keys.getInt(4);
                    byKey.get(identity(keys.getString(2), keys.getString(3), keys.wasNull() ? null : year)).id = keys.getLong(1);
                    inserted++;
                }
            }
            if (inserted != rows.size()) {
                throw Jdbc.concurrentInsert("papers");
            }
        }
    }

    /** Links professors to papers (pairs of ids); existing links stay as they are. */
    public void link(Connection c, Collection<long[]> professorPaperPairs) throws SQLException {
        if (professorPaperPairs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO professor_papers (professor_id, paper_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            for (long[] pair : professorPaperPairs) {
                ps.setLong(1, pair[0]);
                ps.setLong(2, pair[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String identity(String doi, String titleKey, Integer year) {
        return doi != null ? "d:" + doi : "t:" + titleKey + "|" + year;
    }

    private static void bind(PreparedStatement ps, PaperRow r) throws SQLException {
        ps.setString(1, r.doi);
        setInteger(ps, 2, r.year);
        ps.setString(3, r.normalizedTitle());
        setSighting(ps, 4, r.title);
        setSighting(ps, 6, r.authors);
        setSighting(ps, 8, r.venue);
        setSighting(ps, 10, r.url);
        setInstant(ps, 12, r.firstSeenAt);
        setInstant(ps, 13, r.updatedAt);
    }

    private static void read(PreparedStatement ps, Map<Long, PaperRow> into) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                PaperRow r = new PaperRow();
                r.id = rs.getLong("id");
                r.doi = rs.getString("doi");
                int year = rs.getInt("published_year");
                r.year = rs.wasNull() ? null : year;
                r.title = sighting(rs, "title");
                r.authors = sighting(rs, "authors");
                r.venue = sighting(rs, "venue");
                r.url = sighting(rs, "url");
                r.firstSeenAt = instant(rs, "first_seen_at");
                r.updatedAt = instant(rs, "updated_at");
                into.putIfAbsent(r.id, r);
            }
        }
    }
}
