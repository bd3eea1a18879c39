package io.univinsight.taskapi.service;

import java.time.Instant;

import io.univinsight.schema.ProfessorRecord;

/**
 * What the API shows of a professor (the merge's bookkeeping columns stay inside). {@code active} is
 * {@code departedAt == null}: a directory page that listed them has not stopped listing them since they were last seen.
 */
public record ProfessorView(Long id, String universityName, String department, String name, String email, String title,
                            String profileUrl, boolean verified, Instant updatedAt, Instant firstSeenAt, Instant lastSeenAt,
                            Instant departedAt, boolean active) {

    public static ProfessorView of(ProfessorRecord p) {
        return new ProfessorView(p.id, p.universityName, p.department, p.name, p.email, p.title, p.profileUrl, p.verified, p.updatedAt,
                p.firstSeenAt, p.lastSeenAt, p.departedAt, p.departedAt == null);
    }
}
