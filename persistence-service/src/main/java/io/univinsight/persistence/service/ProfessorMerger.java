package io.univinsight.persistence.service;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import io.univinsight.events.CrawlResult;
import io.univinsight.persistence.domain.ProfessorEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * One row per person per university: the same email, or the same normalised name at the same
 * university, is the same professor. Fields merge: a value is filled in, never blanked, and
 * a newer non-empty value wins.
 */
@ApplicationScoped
public class ProfessorMerger {

    /** Merges and returns the row, or null when the record has no usable name. */
    public ProfessorEntity merge(String university, String resultDepartment, CrawlResult.Professor p, Instant at) {
        if (p.name() == null || p.name().isBlank() || university == null) {
            return null;
        }
        String email = p.email() == null || p.email().isBlank() ? null : p.email().trim().toLowerCase(Locale.ROOT);
        String key = NameNormalizer.personKey(p.name());
        ProfessorEntity row = null;
        if (email != null) {
            row = ProfessorEntity.find("email", email).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        }
        if (row == null) {
            row = ProfessorEntity.find("universityName = ?1 and normalizedName = ?2", university, key)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        }
        boolean created = row == null;
        if (created) {
            row = new ProfessorEntity();
            row.universityName = university;
            row.normalizedName = key;
            row.name = p.name().trim();
            row.firstSeenAt = at;
            row.updatedAt = at;
        }
        boolean changed = false;
        changed |= !java.util.Objects.equals(row.email, row.email = prefer(row.email, email));
        changed |= !java.util.Objects.equals(row.title, row.title = prefer(row.title, p.title()));
        // A department read on the page wins; the task's department only fills a gap.
        String department = prefer(prefer(resultDepartment, row.department), p.department());
        changed |= !java.util.Objects.equals(row.department, row.department = department);
        changed |= !java.util.Objects.equals(row.profileUrl, row.profileUrl = prefer(row.profileUrl, p.profileUrl()));
        boolean verified = row.verified || isUniversityEmail(row.email, row.profileUrl);
        changed |= verified != row.verified;
        row.verified = verified;
        float confidence = (float) Math.max(row.confidence == null ? 0 : row.confidence, p.confidence());
        changed |= row.confidence == null || confidence != row.confidence;
        row.confidence = confidence;
        if (created) {
            row.persist();
        } else if (changed && at.isAfter(row.updatedAt)) {
            row.updatedAt = at;
        }
        return row;
    }

    /** The incoming value when it has content, else the current one. */
    static String prefer(String current, String incoming) {
        return incoming != null && !incoming.isBlank() ? incoming.trim() : current;
    }

    /** Verified when the email's domain is the profile site's domain or a parent of it. */
    static boolean isUniversityEmail(String email, String profileUrl) {
        if (email == null || profileUrl == null || !email.contains("@")) {
            return false;
        }
        try {
            String host = URI.create(profileUrl).getHost();
            String domain = email.substring(email.indexOf('@') + 1);
            return host != null && (host.equalsIgnoreCase(domain) || host.toLowerCase(Locale.ROOT).endsWith("." + domain));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
