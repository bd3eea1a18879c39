package io.univinsight.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.univinsight.persistence.merge.Departure;
import io.univinsight.persistence.merge.ProfessorSighting;

/** professor_sightings and professor_departures: the facts the history is derived from, each stored once. */
public final class SightingTable {
    private static final UnnestColumns<ProfessorSighting> SIGHTING = new UnnestColumns<ProfessorSighting>()
            .bigint("professor_id", ProfessorSighting::professorId)
            .instant("seen_at", ProfessorSighting::seenAt)
            .uuid("task_id", ProfessorSighting::taskId)
            .text("university_name", ProfessorSighting::university)
            .text("title", ProfessorSighting::title)
            .text("email", ProfessorSighting::email)
            .text("department", ProfessorSighting::department)
            .bool("verified", ProfessorSighting::verified);
    private static final UnnestColumns<Departure> DEPARTURE = new UnnestColumns<Departure>()
            .uuid("task_id", Departure::taskId)
            .instant("departed_at", Departure::at)
            .text("university_name", Departure::university)
            .text("normalized_name", Departure::normalizedName)
            .text("email", Departure::email);
    private static final String INSERT_SIGHTINGS = "INSERT INTO professor_sightings (" + SIGHTING.names() + ") SELECT "
            + SIGHTING.values("s") + " FROM " + SIGHTING.unnest("s") + " ON CONFLICT DO NOTHING RETURNING professor_id";
    private static final String INSERT_DEPARTURES = "INSERT INTO professor_departures (" + DEPARTURE.names() + ") SELECT "
            + DEPARTURE.values("d") + " FROM " + DEPARTURE.unnest("d") + " ON CONFLICT DO NOTHING";

    /**
     * Stores sightings; one already stored (the same professor, time and task) is kept as it is.
     * Returns the professors that got a sighting they did not have.
     */
    public Set<Long> insertSightings(Connection c, Collection<ProfessorSighting> sightings) throws SQLException {
        Set<Long> added = new HashSet<>();
        if (sightings.isEmpty()) {
            return added;
        }
        List<ProfessorSighting> sorted = new ArrayList<>(sightings);
        sorted.sort(Comparator.comparingLong(ProfessorSighting::professorId).thenComparing(ProfessorSighting::seenAt)
                .thenComparing(ProfessorSighting::taskId));
        try (PreparedStatement ps = c.prepareStatement(INSERT_SIGHTINGS)) {
            SIGHTING.bind(c, ps, sorted);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    added.add(rs.getLong(1));
                }
            }
        }
        return added;
    }

    public void insertDepartures(Connection c, Collection<Departure> departures) throws SQLException {
        if (departures.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_DEPARTURES)) {
            DEPARTURE.bind(c, ps, departures);
            ps.executeUpdate();
        }
    }
}
