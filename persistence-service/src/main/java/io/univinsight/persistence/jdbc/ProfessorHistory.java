package io.univinsight.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.univinsight.persistence.merge.ProfessorSighting;

/**
 * Derives, for some professors, departed_at and their professor_changes rows from the stored facts
 * (professor_sightings, professor_departures), never from the order results arrived in: the same
 * facts give the same rows, so out-of-order delivery and a replay of the topics converge.
 *
 * <p>Rules, in time order per professor: a departure that the same moment's listing does not contradict
 * is an absence; the first absence after a listing is a {@code departed} change, the first listing after
 * an absence a {@code returned} one. departed_at is the newest departure if it is newer than the last
 * sighting. Title and department changes come from the listings at the university the professor is at
 * now (another university's page never sets them, merge.Position), email changes from every listing,
 * university changes from the first listing and then each listing on a university's own site.
 */
public final class ProfessorHistory {
    private static final String NIL = "'" + SightingTable.UNKNOWN_TASK + "'::uuid";

    /** The professors' rows, and below their sightings, read id by id through the primary keys ({@link KeyProbes}). */
    private static final String TOUCHED = "unnest(?::int8[]) AS i(id) " + KeyProbes.probe("professors", "id = i.id");

    private static final String SET_DEPARTED = "UPDATE professors p SET departed_at = x.departed_at FROM ("
            + " SELECT t.id, CASE WHEN max(d.departed_at) > t.last_seen_at THEN max(d.departed_at) END AS departed_at"
            + " FROM " + TOUCHED + " t LEFT JOIN professor_departures d ON d.email = t.email"
            + "   OR (d.university_name = t.university_name AND d.normalized_name = t.normalized_name)"
            + " GROUP BY t.id, t.last_seen_at) x"
            + " WHERE p.id = x.id AND p.departed_at IS DISTINCT FROM x.departed_at";

    private static final String WANTED = "WITH touched AS ("
            + " SELECT p.id, p.university_name, p.normalized_name, p.email FROM " + TOUCHED + " p),"
            + " seen AS (SELECT s.*, min(s.seen_at) OVER (PARTITION BY s.professor_id) AS first_seen_at"
            + "   FROM touched t " + KeyProbes.probe("professor_sightings", "professor_id = t.id") + " s),"
            + " claims AS (SELECT t.id AS professor_id, d.departed_at AS at, min(d.task_id::text)::uuid AS task_id"
            + "   FROM touched t JOIN professor_departures d ON d.email = t.email"
            + "     OR (d.university_name = t.university_name AND d.normalized_name = t.normalized_name)"
            + "   GROUP BY t.id, d.departed_at),"
            + " presence AS (SELECT professor_id, at, listed, task_id,"
            + "   lag(listed) OVER (PARTITION BY professor_id ORDER BY at) AS was_listed FROM ("
            + "     SELECT professor_id, seen_at AS at, true AS listed, min(task_id::text)::uuid AS task_id FROM seen GROUP BY professor_id, seen_at"
            + "     UNION ALL SELECT c.professor_id, c.at, false, c.task_id FROM claims c"
            + "     WHERE NOT EXISTS (SELECT 1 FROM seen s WHERE s.professor_id = c.professor_id AND s.seen_at = c.at)) e),"
            + " positions AS (SELECT * FROM seen s WHERE s.verified OR s.seen_at = s.first_seen_at),"
            + " at_current AS (SELECT s.* FROM seen s JOIN touched t ON t.id = s.professor_id AND s.university_name = t.university_name),"
            + " valued AS ("
            + "   SELECT 'title' AS field, professor_id, seen_at, task_id, title::text AS value FROM at_current WHERE title IS NOT NULL"
            + "   UNION ALL SELECT 'department', professor_id, seen_at, task_id, department FROM at_current WHERE department IS NOT NULL"
            + "   UNION ALL SELECT 'email', professor_id, seen_at, task_id, email FROM seen WHERE email IS NOT NULL"
            + "   UNION ALL SELECT 'university', professor_id, seen_at, task_id, university_name FROM positions),"
            + " steps AS (SELECT field, professor_id, seen_at, task_id, value, lag(value) OVER ("
            + "   PARTITION BY field, professor_id ORDER BY seen_at, value COLLATE \"C\", task_id) AS previous FROM valued),"
            + " wanted AS ("
            + "   SELECT professor_id, field, previous AS old_value, value AS new_value, seen_at AS changed_at,"
            + "     NULLIF(task_id, " + NIL + ") AS task_id FROM steps WHERE previous <> value"
            + "   UNION ALL SELECT professor_id, CASE WHEN listed THEN 'returned' ELSE 'departed' END,"
            + "     CASE WHEN listed THEN 'departed' ELSE 'active' END, CASE WHEN listed THEN 'active' ELSE 'departed' END,"
            + "     at, NULLIF(task_id, " + NIL + ") FROM presence WHERE was_listed <> listed) ";

    /** Rows of the professors that the facts no longer give (a fact that arrived late moved a change). */
    private static final String DELETE_STALE = WANTED + "DELETE FROM professor_changes c WHERE c.professor_id = ANY (?::int8[])"
            + " AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.professor_id = c.professor_id AND w.field = c.field"
            + "   AND w.changed_at = c.changed_at AND w.old_value IS NOT DISTINCT FROM c.old_value"
            + "   AND w.new_value IS NOT DISTINCT FROM c.new_value AND w.task_id IS NOT DISTINCT FROM c.task_id)";
    private static final String INSERT_NEW = WANTED + "INSERT INTO professor_changes (professor_id, field, old_value, new_value,"
            + " changed_at, task_id) SELECT professor_id, field, old_value, new_value, changed_at, task_id FROM wanted"
            + " ORDER BY professor_id, changed_at, field ON CONFLICT DO NOTHING";

    /** Those of the professors that some stored departure names (by email, or by university and name). */
    private static final String NAMED_BY_DEPARTURE = "SELECT p.id FROM " + TOUCHED + " p"
            + " WHERE EXISTS (SELECT 1 FROM professor_departures d WHERE d.email = p.email"
            + "   OR (d.university_name = p.university_name AND d.normalized_name = p.normalized_name))";

    /** Per professor listed now (departed_at NULL), its three newest sightings, newest first. */
    private static final String NEWEST_SIGHTINGS = "SELECT i.id, s.seen_at, s.task_id,"
            + " s.university_name, s.title, s.email, s.department, s.verified"
            + " FROM unnest(?::int8[]) AS i(id) " + KeyProbes.probe("professors", "id = i.id") + " p"
            + " CROSS JOIN LATERAL (SELECT * FROM professor_sightings WHERE professor_id = i.id AND p.departed_at IS NULL"
            + "   ORDER BY seen_at DESC, task_id DESC LIMIT 3) s"
            + " ORDER BY i.id, s.seen_at DESC, s.task_id DESC";

    /**
     * Those of the professors whose one new sighting (this batch's, given per id) provably adds no change, so that
     * {@link #derive} can pass them over: deriving reads every sighting of a professor, a cost that grew with each
     * recrawl. The caller gives only stored professors whose university, email and name the batch kept, nothing
     * folded in, in a batch without departures; here the new sighting must be the newest fact, after a listing
     * (departed_at NULL), one step after a single previous sighting that said the same: each value the new sighting
     * gives, that sighting gave (title and department where they count, at the professor's university; the university
     * where the new listing is on its own site). The rules in the class comment then give no new change, and no
     * older one moves, since every older fact keeps its place.
     *
     * @param universityOf the professor's university (after the batch, the same as before)
     */
    public Set<Long> unchangedByNewestSighting(Connection c, Map<Long, ProfessorSighting> newest, Map<Long, String> universityOf)
            throws SQLException {
        Set<Long> unchanged = new HashSet<>();
        if (newest.isEmpty()) {
            return unchanged;
        }
        Map<Long, List<ProfessorSighting>> latest = new HashMap<>(); // listed professors only: a departed one has none
        try (PreparedStatement ps = c.prepareStatement(NEWEST_SIGHTINGS)) {
            ps.setArray(1, c.createArrayOf("int8", new TreeSet<>(newest.keySet()).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    latest.computeIfAbsent(id, k -> new ArrayList<>(3)).add(new ProfessorSighting(id, Jdbc.instant(rs, "seen_at"),
                            rs.getObject("task_id", UUID.class), rs.getString("university_name"), rs.getString("title"),
                            rs.getString("email"), rs.getString("department"), rs.getBoolean("verified")));
                }
            }
        }
        newest.forEach((id, sighting) -> {
            if (addsNoChange(sighting, latest.getOrDefault(id, List.of()), universityOf.get(id))) {
                unchanged.add(id);
            }
        });
        return unchanged;
    }

    /** See {@link #unchangedByNewestSighting}: {@code stored} are the professor's newest sightings, newest first. */
    static boolean addsNoChange(ProfessorSighting added, List<ProfessorSighting> stored, String university) {
        if (stored.size() < 2 || university == null) {
            return false;
        }
        ProfessorSighting newest = stored.get(0);
        ProfessorSighting before = stored.get(1);
        if (!newest.seenAt().equals(added.seenAt()) || !newest.taskId().equals(added.taskId())
                || !before.seenAt().isBefore(added.seenAt())
                || (stored.size() > 2 && !stored.get(2).seenAt().isBefore(before.seenAt()))) {
            return false; // a later fact, or listings at one time (ordered by value): left to the derivation
        }
        if (added.email() != null && !added.email().equals(before.email())) {
            return false;
        }
        if (added.university().equals(university) && (!before.university().equals(university)
                || !repeats(added.title(), before.title()) || !repeats(added.department(), before.department()))) {
            return false;
        }
        return !added.verified() || (before.verified() && before.university().equals(added.university()));
    }

    /** No value, or the previous one again. */
    private static boolean repeats(String value, String previous) {
        return value == null || value.equals(previous);
    }

    /**
     * Brings departed_at and the history of these professors in line with their sightings and departures.
     *
     * @param newIds      those of the professors inserted in this transaction: they have no professor_changes rows yet
     * @param singleSeen  those of newIds with exactly one sighting. With no departure naming them their facts give
     *                    no change and no departed_at (one listing has nothing to differ from), so they are skipped
     *                    unless a departure names them: most of a batch of new professors costs one cheap lookup.
     */
    public void derive(Connection c, Collection<Long> professorIds, Set<Long> newIds, Set<Long> singleSeen) throws SQLException {
        Set<Long> ids = new TreeSet<>(professorIds);
        if (ids.removeIf(singleSeen::contains)) {
            ids.addAll(namedByDeparture(c, singleSeen));
        }
        if (ids.isEmpty()) {
            return;
        }
        Object[] all = ids.toArray();
        Object[] stored = ids.stream().filter(id -> !newIds.contains(id)).toArray();
        try (PreparedStatement departed = c.prepareStatement(SET_DEPARTED);
             PreparedStatement fresh = c.prepareStatement(INSERT_NEW)) {
            departed.setArray(1, c.createArrayOf("int8", all));
            departed.executeUpdate();
            if (stored.length > 0) {
                try (PreparedStatement stale = c.prepareStatement(DELETE_STALE)) {
                    stale.setArray(1, c.createArrayOf("int8", stored));
                    stale.setArray(2, c.createArrayOf("int8", stored));
                    stale.executeUpdate();
                }
            }
            fresh.setArray(1, c.createArrayOf("int8", all));
            fresh.executeUpdate();
        }
    }

    private static List<Long> namedByDeparture(Connection c, Set<Long> ids) throws SQLException {
        List<Long> named = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(NAMED_BY_DEPARTURE)) {
            ps.setArray(1, c.createArrayOf("int8", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    named.add(rs.getLong(1));
                }
            }
        }
        return named;
    }
}
