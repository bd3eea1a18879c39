package io.univinsight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.univinsight.persistence.merge.MergedGroup;
import io.univinsight.persistence.merge.PaperMerger;
import io.univinsight.persistence.merge.PaperRow;
import io.univinsight.persistence.merge.ProfessorMerger;
import io.univinsight.persistence.merge.ProfessorRow;
import io.univinsight.persistence.merge.Sighting;
import io.univinsight.persistence.merge.UniversityEmail;

class MergeOrderTests {
    private static final Instant T = Instant.parse("2026-11-27T00:00:00Z");

    @Test
    void theNewestNonEmptyValueWinsInAnyOrder() {
        List<ProfessorRow> sightings = new ArrayList<>(List.of(
                professor("Kim Min-jun", null, "Assistant Professor", T),
                professor("MINJUN KIM", "mjkim@u.ac.kr", null, T.plusSeconds(20)),
                professor("Minjun Kim", null, "Professor", T.plusSeconds(10))));
        Random random = new Random(1);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(sightings, random);
            List<MergedGroup<ProfessorRow>> groups = ProfessorMerger.merge(sightings, List.of());
            assertEquals(1, groups.size());
            ProfessorRow m = groups.get(0).merged();
            assertEquals("Professor", Sighting.valueOf(m.title), "newest title, not blanked by the newest sighting without one");
            assertEquals("mjkim@u.ac.kr", m.emailValue());
            assertEquals(T, m.firstSeenAt);
            assertEquals(T.plusSeconds(20), m.updatedAt);
        }
    }

    @Test
    void aSightingMatchingTwoStoredRowsJoinsThem() {
        ProfessorRow byEmail = professor("Ada King", "ada@u.edu", "Professor", T);
        byEmail.id = 7L;
        ProfessorRow byName = professor("Ada Lovelace", null, null, T);
        byName.id = 3L;
        List<MergedGroup<ProfessorRow>> groups = ProfessorMerger.merge(
                List.of(professor("Lovelace, Ada", "ada@u.edu", null, T.plusSeconds(1))), List.of(byEmail, byName));
        assertEquals(1, groups.size());
        assertEquals(3L, groups.get(0).merged().id, "the oldest row survives");
        assertEquals(List.of(7L), groups.get(0).foldedIds());
    }

    @Test
    void aPaperWithoutDoiJoinsTheDoiPaperOfTheSameTitleAndYear() {
        PaperRow withDoi = paper("Graph Things", "10.1/gt", 2023);
        PaperRow without = paper("graph things.", null, 2023);
        PaperRow otherYear = paper("Graph Things", null, 2022);
        assertEquals(2, PaperMerger.merge(List.of(without, withDoi, otherYear), List.of()).size());
    }

    @Test
    void verifiedOnlyForTheUniversitysOwnDomain() {
        assertTrue(UniversityEmail.belongsToSite("kim@snu.ac.kr", "https://cse.snu.ac.kr/people"));
        assertTrue(UniversityEmail.belongsToSite("kim@cs.example.edu", "http://www.example.edu/faculty"));
        assertFalse(UniversityEmail.belongsToSite("kim@gmail.com", "https://cse.snu.ac.kr/people"));
        assertFalse(UniversityEmail.belongsToSite("kim@ac.kr", "https://cse.snu.ac.kr/people"));
    }

    private static ProfessorRow professor(String name, String email, String title, Instant at) {
        ProfessorRow r = new ProfessorRow();
        r.university = "U";
        r.name = Sighting.of(name, at);
        r.email = Sighting.of(email, at);
        r.title = Sighting.of(title, at);
        r.firstSeenAt = at;
        r.updatedAt = at;
        return r;
    }

    private static PaperRow paper(String title, String doi, int year) {
        PaperRow r = new PaperRow();
        r.title = Sighting.of(title, T);
        r.doi = doi;
        r.year = year;
        r.firstSeenAt = T;
        r.updatedAt = T;
        return r;
    }
}
