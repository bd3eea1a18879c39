package io.univinsight.persistence.merge;

import java.util.Comparator;
import java.util.List;

/**
 * Where a professor is when one email was seen at more than one university, and so which sightings
 * may set the position fields (university, title, department, profile URL).
 *
 * <p>The rule: a sighting whose email belongs to its page's own site ({@link ProfessorRow#verified})
 * outranks every sighting whose email does not, and the newest verified one wins (a move with a new
 * listing on the new university's own domain). Among unverified sightings only, the earliest seen
 * wins: a page elsewhere that lists a known address (a collaborator list, a copied directory, a
 * hostile page) never moves a person. Name, title, department and profile URL come only from sightings at
 * the winning university, so another university's title never lands on this one's row, and the row's
 * (university, name) key is always one the batch looked up: a name from elsewhere could be the key of
 * another stored row there, one the batch never read (a unique violation, and a result lost to the DLT).
 *
 * <p>Chosen from the whole group at once, never pairwise, so the same sightings give the same row in
 * any arrival order.
 */
final class Position {
    /** Verified first; then newest among verified, earliest among unverified; then by name for a total order. */
    static final Comparator<ProfessorRow> PRECEDENCE = Comparator
            .comparing((ProfessorRow r) -> r.verified)
            .thenComparing((a, b) -> a.verified
                    ? ProfessorRow.compare(a.updatedAt, b.updatedAt)
                    : ProfessorRow.compare(b.firstSeenAt, a.firstSeenAt))
            .thenComparing(r -> r.university);

    private Position() {
    }

    /** Sets {@code merged}'s position fields from the sightings at the winning university of {@code members}. */
    static void settle(ProfessorRow merged, List<ProfessorRow> members) {
        String university = members.get(0).university;
        if (members.stream().allMatch(m -> m.university.equals(university))) {
            return; // one university: the plain newest-value merge already holds
        }
        String winner = members.stream().max(PRECEDENCE).orElseThrow().university;
        ProfessorRow there = null;
        for (ProfessorRow m : members) {
            if (m.university.equals(winner)) {
                there = there == null ? m.mergedWith(m) : there.mergedWith(m);
            }
        }
        merged.university = winner;
        merged.name = there.name;
        merged.title = there.title;
        merged.department = there.department;
        merged.profileUrl = there.profileUrl;
        merged.verified = there.verified;
    }
}
