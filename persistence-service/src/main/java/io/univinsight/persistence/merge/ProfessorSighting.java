package io.univinsight.persistence.merge;

import java.time.Instant;
import java.util.UUID;

/**
 * One listing of a stored professor in one result, with the values it gave: a row of professor_sightings,
 * from which the history of changes is derived whatever order the results arrived in.
 */
public record ProfessorSighting(long professorId, Instant seenAt, UUID taskId, String university, String title,
                                String email, String department, boolean verified) {

    /** The sighting of {@code row} (a sighting, id not yet known) as stored for professor {@code professorId}. */
    public static ProfessorSighting of(long professorId, UUID taskId, ProfessorRow row) {
        return new ProfessorSighting(professorId, row.lastSeenAt, taskId, row.university, Sighting.valueOf(row.title),
                row.emailValue(), Sighting.valueOf(row.department), row.verified);
    }
}
