package io.univinsight.taskapi.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.univinsight.events.TaskStatus;
import io.univinsight.schema.TaskRecord;
import io.univinsight.taskapi.error.InvalidRequest;

class ListingFiltersTests {

    @Test
    void onlyTheGivenParametersFilter() {
        Filter none = ListingFilters.tasks(null, null, null, null, null);
        assertEquals("", none.where());
        assertEquals(Map.of(), none.params());

        Filter some = ListingFilters.tasks("running", "Example University", "HIGH", null, "2026-01-31T00:00:00Z");
        assertEquals(" where status = :status and universityName = :university and priority = :priority and createdAt < :to", some.where());
        assertEquals(Map.of("status", TaskStatus.RUNNING, "university", "Example University", "priority", "high",
                "to", Instant.parse("2026-01-31T00:00:00Z")), some.params());
    }

    @Test
    void anUnknownValueOrAMalformedInstantNamesItsParameter() {
        InvalidRequest status = assertThrows(InvalidRequest.class, () -> ListingFilters.tasks("done", null, null, null, null));
        assertEquals("status", status.errors().get(0).field());
        assertEquals("unknown value 'done'", status.errors().get(0).reason());

        InvalidRequest from = assertThrows(InvalidRequest.class, () -> ListingFilters.tasks(null, null, null, "yesterday", null));
        assertEquals("createdFrom", from.errors().get(0).field());
    }

    @Test
    void containsIsCaseInsensitiveWithItsWildcardsEscaped() {
        assertEquals("%deep learning%", Filter.contains("  Deep Learning "));
        assertEquals("%100\\%\\_sure\\\\%", Filter.contains("100%_sure\\"));
    }

    @Test
    void paperFiltersNormalizeTheDoiAndFindPapersOfAUniversityThroughTheirProfessors() {
        Filter papers = ListingFilters.papers(" 10.1/ABC ", 2020, null, null, null, "Example University");

        assertEquals("10.1/abc", papers.params().get("doi"));
        assertEquals(2020, papers.params().get("yearFrom"));
        assertEquals("Example University", papers.params().get("university"));
        assertEquals(true, papers.where().contains("select l.paperId from ProfessorPaperLink l, ProfessorRecord p"));
    }

    @Test
    void aTaskPageResumesAfterTheLastRowsTimeAndId() {
        TaskRecord last = new TaskRecord();
        last.createdAt = Instant.parse("2026-11-27T10:00:00Z");
        last.id = UUID.fromString("00000000-0000-0000-0000-000000000017");
        Cursor cursor = Cursor.decode(Keyset.NEWEST_TASKS_FIRST.cursorOf(last).encode());

        Filter after = Keyset.NEWEST_TASKS_FIRST.after(ListingFilters.tasks(null, "U", null, null, null), cursor);

        assertEquals(" where universityName = :university and (createdAt < :cAt or (createdAt = :cAt and id < :cId))", after.where());
        assertEquals(last.createdAt, after.params().get("cAt"));
        assertEquals(last.id, after.params().get("cId"));
    }

    @Test
    void aCursorThisApiDidNotGiveOutIsA400() {
        assertThrows(InvalidRequest.class, () -> Cursor.decode("%%%"));
        Cursor notAnId = new Cursor("id", "seven");
        InvalidRequest byId = assertThrows(InvalidRequest.class, () -> Keyset.byId((TaskRecord t) -> 1L).after(new Filter(), notAnId));
        assertEquals("cursor", byId.errors().get(0).field());
        InvalidRequest byTime = assertThrows(InvalidRequest.class,
                () -> Keyset.NEWEST_TASKS_FIRST.after(new Filter(), new Cursor("2026-11-27T10:00:00Z", "not-a-uuid")));
        assertEquals("is not a cursor this API gave out", byTime.errors().get(0).reason());
    }
}
