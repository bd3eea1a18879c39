package io.univinsight.taskapi.service;

import java.time.Instant;

import io.univinsight.schema.ProfessorRecord;

/** What the API shows of a professor (the merge's bookkeeping columns stay inside). */
public record ProfessorView(Long id, String universityName, String department, String name, String email, String title,
                            String profileUrl, boolean verified, Instant updatedAt) {

    public static ProfessorView of(ProfessorRecord p) {
        return new ProfessorView(p.id, p.universityName, p.department, p.name, p.email, p.title, p.profileUrl, p.verified, p.updatedAt);
    }
}
