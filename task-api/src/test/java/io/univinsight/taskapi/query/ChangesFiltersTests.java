package io.univinsight.taskapi.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.univinsight.taskapi.error.InvalidRequest;

/** The query parameters of GET /api/changes and of GET /api/professors?active=. */
class ChangesFiltersTests {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void sinceIsAnInstantOrADateInUtcAndSevenDaysAgoWhenAbsent() {
        assertEquals(Instant.parse("2026-03-01T10:15:00Z"), ListingFilters.since("2026-03-01T10:15:00Z", NOW));
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), ListingFilters.since("2026-03-01", NOW));
        assertEquals(Instant.parse("2026-11-26T12:00:00Z"), ListingFilters.since(null, NOW));
        assertEquals(Instant.parse("2026-11-26T12:00:00Z"), ListingFilters.since(" ", NOW));
    }

    @Test
    void anUnreadableSinceIsRefusedNamingTheParameter() {
        for (String bad : new String[] {"last week", "2026-13-01", "2026-03-01T10:15", "1700000000"}) {
            InvalidRequest e = assertThrows(InvalidRequest.class, () -> ListingFilters.since(bad, NOW), bad);
            assertEquals("since", e.errors().get(0).field());
        }
    }

    @Test
    void activeIsTrueOrFalseAndFiltersOnDepartedAt() {
        assertEquals(" where departedAt is null", ListingFilters.professors(null, null, null, null, "true").where());
        assertEquals(" where departedAt is not null and universityName = :university",
                ListingFilters.professors("U", null, null, null, " FALSE ").where());
        assertEquals("", ListingFilters.professors(null, null, null, null, null).where());
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> ListingFilters.professors(null, null, null, null, "1"));
        assertEquals("active", e.errors().get(0).field());
    }

    @Test
    void changesFilterByUniversityWhenGivenAndAlwaysBySince() {
        Filter f = ListingFilters.changes("U", NOW);
        assertEquals(" where universityName = :university and changedAt >= :since", f.where());
        assertEquals(Map.of("university", "U", "since", NOW), f.params());
        assertEquals(" where changedAt >= :since", ListingFilters.changes(null, NOW).where());
    }
}
