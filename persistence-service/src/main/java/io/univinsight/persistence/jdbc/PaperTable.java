package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.instant;
import static io.univinsight.persistence.jdbc.ProfessorTable.sighting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.univinsight.persistence.merge.PaperRow;

/** papers and professor_papers: find a batch's matches (locked), fold duplicates, update and insert, one statement each. */
public final class PaperTable {
    private static final UnnestColumns<PaperRow> ROW = columns(new UnnestColumns<>());
    private static final UnnestColumns<PaperRow> ID_AND_ROW = columns(new UnnestColumns<PaperRow>().bigint("id", r -> r.id));
    private static final UnnestColumns<long[]> LINK = new UnnestColumns<long[]>()
            .bigint("professor_id", pair -> pair[0]).bigint("paper_id", pair -> pair[1]);
    private static final String COLUMNS = ROW.names();
    /** One statement; each key probes an index ({@link KeyProbes}). */
    static final String LOCK_MATCHING = "SELECT p.id, " + COLUMNS + " FROM " + KeyProbes.lockedInIdOrder("papers",
            "SELECT x.id FROM unnest(?::text[]) AS d(doi) " + KeyProbes.probe("papers", "doi = d.doi") + " x"
            + " UNION ALL SELECT x.id FROM unnest(?::text[], ?::int4[]) AS k(t, y) "
            + KeyProbes.probe("papers", "normalized_title = k.t AND COALESCE(published_year, 0) = k.y") + " x");
    private static final String UPDATE = KeyProbes.updateById("papers", ID_AND_ROW.assignments("r", "id"), ID_AND_ROW.unnest("r"));
    private static final String INSERT = "INSERT INTO papers (" + COLUMNS + ") SELECT " + ROW.values("r") + " FROM " + ROW.unnest("r")
            + " RETURNING id, doi, normalized_title, published_year";
    private static final String INSERT_LINKS = "INSERT INTO professor_papers (" + LINK.names() + ") SELECT " + LINK.values("l")
            + " FROM " + LINK.unnest("l");
    private static final String INSERT_LINKS_UNLESS_STORED = INSERT_LINKS + " ON CONFLICT DO NOTHING";

    private static UnnestColumns<PaperRow> columns(UnnestColumns<PaperRow> start) {
        return start.text("doi", r -> r.doi)
                .integer("published_year", r -> r.year)
                .text("normalized_title", PaperRow::normalizedTitle)
                .sighting("title", r -> r.title)
                .sighting("authors", r -> r.authors)
                .sighting("venue", r -> r.venue)
                .sighting("url", r -> r.url)
                .instant("first_seen_at", r -> r.firstSeenAt)
                .instant("updated_at", r -> r.updatedAt)
                .instant("last_seen_at", r -> r.lastSeenAt);
    }

    /** Stored rows with one of the DOIs or one of the (normalised title, year) pairs, locked until commit. */
    public List<PaperRow> lockMatching(Connection c, Collection<String> dois, Collection<String> titleKeys,
                                       Collection<Integer> years) throws SQLException {
        Map<Long, PaperRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK_MATCHING)) {
            ps.setArray(1, c.createArrayOf("text", dois.toArray()));
            ps.setArray(2, c.createArrayOf("text", titleKeys.toArray()));
            ps.setArray(3, c.createArrayOf("int4", years.toArray()));
            read(ps, rows);
        }
        return new ArrayList<>(rows.values());
    }

    /** Moves links of folded rows to their survivor, then deletes the folded rows. */
    public void fold(Connection c, Map<Long, Long> survivorOfFolded) throws SQLException {
        Folds.run(c, survivorOfFolded, "DELETE FROM papers WHERE id = ?",
                "INSERT INTO professor_papers (professor_id, paper_id) SELECT professor_id, ? FROM professor_papers WHERE paper_id = ?"
                        + " ON CONFLICT DO NOTHING");
    }

    public void update(Connection c, Collection<PaperRow> rows) throws SQLException {
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
    public void insert(Connection c, List<PaperRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, PaperRow> byKey = new HashMap<>(rows.size() * 2);
        for (PaperRow r : rows) {
            byKey.put(identity(r.doi, r.normalizedTitle(), r.year), r);
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ROW.bind(c, ps, rows);
            try (ResultSet keys = ps.executeQuery()) {
                while (keys.next()) {
                    Integer year = keys.getObject(4, Integer.class);
                    byKey.get(identity(keys.getString(2), keys.getString(3), year)).id = keys.getLong(1);
                }
            }
        }
    }

    /**
     * Links professors to papers (pairs of ids, each once, stored in a stable order); existing links stay as they are.
     * A pair with a professor or paper this transaction inserted cannot be stored yet, so those skip the conflict check.
     */
    public void link(Connection c, Collection<long[]> professorPaperPairs, Set<Long> insertedProfessors, Set<Long> insertedPapers)
            throws SQLException {
        List<long[]> fresh = new ArrayList<>();
        List<long[]> maybeStored = new ArrayList<>();
        for (long[] pair : professorPaperPairs) {
            (insertedProfessors.contains(pair[0]) || insertedPapers.contains(pair[1]) ? fresh : maybeStored).add(pair);
        }
        insertLinks(c, INSERT_LINKS, fresh);
        insertLinks(c, INSERT_LINKS_UNLESS_STORED, maybeStored);
    }

    private static void insertLinks(Connection c, String sql, List<long[]> pairs) throws SQLException {
        if (pairs.isEmpty()) {
            return;
        }
        pairs.sort(Comparator.<long[]>comparingLong(pair -> pair[0]).thenComparingLong(pair -> pair[1]));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            LINK.bind(c, ps, pairs);
            ps.executeUpdate();
        }
    }

    private static String identity(String doi, String titleKey, Integer year) {
        return doi != null ? "d:" + doi : "t:" + titleKey + "|" + year;
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
                r.lastSeenAt = instant(rs, "last_seen_at");
                into.putIfAbsent(r.id, r);
            }
        }
    }
}
