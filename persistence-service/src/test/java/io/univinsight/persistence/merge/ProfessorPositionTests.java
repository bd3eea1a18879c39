package io.univinsight.persistence.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Which university a person seen at two universities with one email is stored at. */
class ProfessorPositionTests {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");
    private static final String EMAIL = "ada@mit.example.edu";

    @Test
    void aPageOfAnotherUniversityListingAKnownEmailMovesNobody() {
        ProfessorRow stored = stored(sighting("MIT", "Professor", "CSAIL", true, T));
        ProfessorRow elsewhere = sighting("Stanford", "Visiting Scholar", "Statistics", false, T.plusSeconds(3600));

        ProfessorRow merged = single(ProfessorMerger.merge(List.of(elsewhere), List.of(stored)));

        assertEquals("MIT", merged.university, "an unverified sighting at another university does not move the person");
        assertEquals("Professor", Sighting.valueOf(merged.title), "nor bring that university's title");
        assertEquals("CSAIL", Sighting.valueOf(merged.department));
        assertTrue(merged.verified);
        assertEquals(T.plusSeconds(3600), merged.updatedAt, "the sighting still counts as seen");
    }

    @Test
    void aPageOfAnotherUniversityNeverRenamesTheRow() {
        ProfessorRow stored = stored(sighting("MIT", "Professor", "CSAIL", true, T));
        stored.name = Sighting.of("Ada K. Lovelace", T);
        ProfessorRow elsewhere = sighting("Stanford", "Visiting Scholar", null, false, T.plusSeconds(3600));

        ProfessorRow merged = single(ProfessorMerger.merge(List.of(elsewhere), List.of(stored)));

        // "ada lovelace" at MIT may be another stored row, one this batch never looked up
        assertEquals("Ada K. Lovelace", Sighting.valueOf(merged.name));
        assertEquals(stored.normalizedName(), merged.normalizedName());
    }

    @Test
    void aListingOnTheNewUniversitysOwnSiteMovesThePersonWithItsTitle() {
        ProfessorRow stored = stored(sighting("MIT", "Assistant Professor", "CSAIL", true, T));
        ProfessorRow moved = sighting("Stanford", "Associate Professor", null, true, T.plusSeconds(3600));

        ProfessorRow merged = single(ProfessorMerger.merge(List.of(moved), List.of(stored)));

        assertEquals("Stanford", merged.university);
        assertEquals("Associate Professor", Sighting.valueOf(merged.title));
        assertEquals(null, merged.department, "the old university's department does not follow the person");
        assertTrue(merged.verified);
    }

    @Test
    void amongUnverifiedSightingsTheEarliestUniversityStays() {
        ProfessorRow first = sighting("MIT", "Professor", null, false, T);
        ProfessorRow later = sighting("Stanford", "Lecturer", null, false, T.plusSeconds(60));

        ProfessorRow merged = single(ProfessorMerger.merge(List.of(later, first), List.of()));

        assertEquals("MIT", merged.university);
        assertEquals("Professor", Sighting.valueOf(merged.title));
        assertFalse(merged.verified);
    }

    @Test
    void theSameSightingsGiveTheSamePositionInAnyOrder() {
        List<ProfessorRow> sightings = new ArrayList<>(List.of(
                sighting("MIT", "Assistant Professor", "EECS", false, T.plusSeconds(30)),
                sighting("Stanford", "Lecturer", "Statistics", false, T.plusSeconds(90)),
                sighting("MIT", null, "CSAIL", true, T.plusSeconds(10)),
                sighting("Harvard", "Professor", "SEAS", true, T.plusSeconds(5)),
                sighting("MIT", "Professor", null, false, T.plusSeconds(20))));
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            Collections.shuffle(sightings, random);
            ProfessorRow merged = single(ProfessorMerger.merge(sightings, List.of()));
            assertEquals("MIT", merged.university, "the newest verified sighting's university");
            assertEquals("Assistant Professor", Sighting.valueOf(merged.title), "newest title among MIT's sightings only");
            assertEquals("EECS", Sighting.valueOf(merged.department));
            assertTrue(merged.verified);
        }
    }

    private static ProfessorRow single(List<MergedGroup<ProfessorRow>> groups) {
        assertEquals(1, groups.size(), "one email, one row");
        return groups.get(0).merged();
    }

    private static ProfessorRow stored(ProfessorRow row) {
        row.id = 1L;
        return row;
    }

    private static ProfessorRow sighting(String university, String title, String department, boolean verified, Instant at) {
        ProfessorRow r = new ProfessorRow();
        r.university = university;
        r.name = Sighting.of("Ada Lovelace", at);
        r.email = Sighting.of(EMAIL, at);
        r.title = Sighting.of(title, at);
        r.department = Sighting.of(department, at);
        r.verified = verified;
        r.confidence = 0.8f;
        r.firstSeenAt = at;
        r.updatedAt = at;
        return r;
    }
}
