package io.univinsight.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.univinsight.persistence.merge.ProfessorSighting;

/** When a recrawl's one new sighting adds no change, so that the history need not be derived again. */
class NewestSightingTests {
    private static final String HOME = "Home University";
    private static final Instant DAY1 = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant DAY3 = Instant.parse("2026-11-03T00:00:00Z");

    private static ProfessorSighting seen(Instant at, String university, String title, String email, String department, boolean verified) {
        return new ProfessorSighting(7, at, UUID.nameUUIDFromBytes(at.toString().getBytes()), university, title, email, department, verified);
    }

    private static ProfessorSighting home(Instant at, String title, String email) {
        return seen(at, HOME, title, email, "Physics", true);
    }

    @Test
    void theSameListingOneStepLaterAddsNothing() {
        ProfessorSighting added = home(DAY3, "Professor", "a@home.edu");
        assertTrue(ProfessorHistory.addsNoChange(added, List.of(added, home(DAY2, "Professor", "a@home.edu"), home(DAY1, "Lecturer", "a@home.edu")), HOME));
        // values the new listing leaves out change nothing either
        ProfessorSighting bare = seen(DAY3, HOME, null, null, null, true);
        assertTrue(ProfessorHistory.addsNoChange(bare, List.of(bare, home(DAY2, "Professor", "a@home.edu")), HOME));
    }

    @Test
    void aValueOtherThanTheLastListingsIsLeftToTheDerivation() {
        ProfessorSighting newTitle = home(DAY3, "Professor", "a@home.edu");
        assertFalse(ProfessorHistory.addsNoChange(newTitle, List.of(newTitle, home(DAY2, "Lecturer", "a@home.edu")), HOME));
        ProfessorSighting newEmail = home(DAY3, "Professor", "b@home.edu");
        assertFalse(ProfessorHistory.addsNoChange(newEmail, List.of(newEmail, home(DAY2, "Professor", "a@home.edu")), HOME));
        // the last listing gave no title: the one before it may have given another
        ProfessorSighting titled = home(DAY3, "Professor", "a@home.edu");
        assertFalse(ProfessorHistory.addsNoChange(titled, List.of(titled, home(DAY2, null, "a@home.edu"), home(DAY1, "Lecturer", "a@home.edu")), HOME));
    }

    @Test
    void titlesCountOnlyAtTheProfessorsUniversityAndPlacesOnlyOnTheirOwnSite() {
        ProfessorSighting elsewhere = seen(DAY3, "Other University", "Visiting Professor", "a@home.edu", null, false);
        assertTrue(ProfessorHistory.addsNoChange(elsewhere, List.of(elsewhere, home(DAY2, "Professor", "a@home.edu")), HOME));
        ProfessorSighting movedHere = seen(DAY3, "Other University", "Professor", "a@other.edu", "Physics", true);
        assertFalse(ProfessorHistory.addsNoChange(movedHere, List.of(movedHere, home(DAY2, "Professor", "a@other.edu")), HOME));
        ProfessorSighting backHome = home(DAY3, "Professor", "a@home.edu");
        assertFalse(ProfessorHistory.addsNoChange(backHome,
                List.of(backHome, seen(DAY2, "Other University", "Professor", "a@home.edu", "Physics", false)), HOME));
    }

    @Test
    void onlyTheNewestFactAfterOneEarlierListingQualifies() {
        ProfessorSighting added = home(DAY2, "Professor", "a@home.edu");
        // a later listing already stored: this one arrived out of order
        assertFalse(ProfessorHistory.addsNoChange(added, List.of(home(DAY3, "Professor", "a@home.edu"), added), HOME));
        // another listing at the same newest moment, stored ahead of this one
        ProfessorSighting rival = new ProfessorSighting(7, DAY2, UUID.randomUUID(), HOME, "Professor", "a@home.edu", "Physics", true);
        assertFalse(ProfessorHistory.addsNoChange(added, List.of(rival, home(DAY1, "Professor", "a@home.edu")), HOME));
        // no earlier listing at all
        assertFalse(ProfessorHistory.addsNoChange(added, List.of(added), HOME));
        // the earlier listing at the same time, or two earlier listings at one time (ordered by their values)
        ProfessorSighting sameTime = seen(DAY2, HOME, "Professor", "a@home.edu", "Physics", true);
        ProfessorSighting other = new ProfessorSighting(7, DAY2, UUID.randomUUID(), HOME, "Professor", "a@home.edu", "Physics", true);
        assertFalse(ProfessorHistory.addsNoChange(sameTime, List.of(sameTime, other), HOME));
        ProfessorSighting later = home(DAY3, "Professor", "a@home.edu");
        ProfessorSighting twin = new ProfessorSighting(7, DAY2, UUID.randomUUID(), HOME, "Lecturer", "a@home.edu", "Physics", true);
        assertFalse(ProfessorHistory.addsNoChange(later, List.of(later, home(DAY2, "Professor", "a@home.edu"), twin), HOME));
    }
}
