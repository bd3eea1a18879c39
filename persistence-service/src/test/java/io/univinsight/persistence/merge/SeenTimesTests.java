package io.univinsight.persistence.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** first_seen_at and last_seen_at of merged rows: earliest and newest sighting, in any arrival order. */
class SeenTimesTests {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aProfessorIsFirstSeenAtTheEarliestAndLastSeenAtTheNewestSightingInAnyOrder() {
        List<ProfessorRow> sightings = new ArrayList<>();
        for (int days : new int[] {14, 0, 7, 3}) {
            sightings.add(professor(T.plusSeconds(days * 86_400L)));
        }
        ProfessorRow stored = professor(T.plusSeconds(10 * 86_400L));
        stored.id = 1L;
        stored.firstSeenAt = T.minusSeconds(86_400);
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(sightings, random);
            ProfessorRow merged = ProfessorMerger.merge(sightings, List.of(stored)).get(0).merged();
            assertEquals(T.minusSeconds(86_400), merged.firstSeenAt, "the stored first sighting is older");
            assertEquals(T.plusSeconds(14 * 86_400L), merged.lastSeenAt);
            assertEquals(merged.updatedAt, merged.lastSeenAt, "updated_at keeps meaning the newest sighting");
        }
    }

    @Test
    void anOlderSightingChangesNeitherLastSeenNorTheRow() {
        ProfessorRow stored = professor(T.plusSeconds(3600));
        stored.id = 1L;
        ProfessorRow merged = ProfessorMerger.merge(List.of(professor(T.plusSeconds(3600))), List.of(stored)).get(0).merged();
        assertEquals(false, merged.differsFrom(stored), "a redelivered sighting writes nothing");
        ProfessorRow newer = ProfessorMerger.merge(List.of(professor(T.plusSeconds(7200))), List.of(stored)).get(0).merged();
        assertEquals(true, newer.differsFrom(stored), "a newer sighting moves last_seen_at");
    }

    @Test
    void aPaperIsFirstAndLastSeenLikeAProfessor() {
        PaperRow a = paper(T.plusSeconds(60));
        PaperRow b = paper(T);
        PaperRow c = paper(T.plusSeconds(30));
        PaperRow merged = PaperMerger.merge(List.of(a, b, c), List.of()).get(0).merged();
        assertEquals(T, merged.firstSeenAt);
        assertEquals(T.plusSeconds(60), merged.lastSeenAt);
    }

    /** A sighting of Ada Byron, Professor at U, at the given time (also the other merge tests' row). */
    static ProfessorRow professor(Instant at) {
        ProfessorRow r = new ProfessorRow();
        r.university = "U";
        r.name = Sighting.of("Ada Byron", at);
        r.title = Sighting.of("Professor", at);
        r.firstSeenAt = at;
        r.updatedAt = at;
        r.lastSeenAt = at;
        return r;
    }

    private static PaperRow paper(Instant at) {
        PaperRow p = new PaperRow();
        p.title = Sighting.of("Recrawling Politely", at);
        p.year = 2026;
        p.firstSeenAt = at;
        p.updatedAt = at;
        p.lastSeenAt = at;
        return p;
    }
}
