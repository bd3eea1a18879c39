package io.univinsight.monitor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.univinsight.events.CrawlResult;

class ResultTotalsTests {

    @Test
    void theHitRateIsHitsOverPagesAndZeroBeforeAnyPage() {
        assertEquals(0.0, ResultTotals.empty().hitRate());
        assertEquals(0.25, new ResultTotals(2, 8, 2, 100, 0, 0, Map.of()).hitRate());
        assertEquals(1.0, new ResultTotals(1, 3, 5, 100, 0, 0, Map.of()).hitRate(), "more hits than pages is capped");
    }

    @Test
    void rendersAndEveryReasonForFindingNobodyAreSummedAndTakenBack() {
        ResultTotals totals = ResultTotals.empty()
                .plus(result(CrawlResult.EMPTY_RENDER_TIMEOUT, 2, 3_000))
                .plus(result(CrawlResult.EMPTY_RENDER_TIMEOUT, 1, 1_200))
                .plus(result("a-reason-of-a-newer-crawler", 0, 0))
                .plus(result(null, 4, 2_000));
        assertEquals(7, totals.pagesRendered());
        assertEquals(6_200, totals.renderMs());
        assertEquals(Map.of(CrawlResult.EMPTY_RENDER_TIMEOUT, 2L, "a-reason-of-a-newer-crawler", 1L), totals.emptyByReason());
        assertEquals(3, totals.withoutProfessors());
        ResultTotals replaced = totals.minus(result("a-reason-of-a-newer-crawler", 0, 0));
        assertEquals(Map.of(CrawlResult.EMPTY_RENDER_TIMEOUT, 2L), replaced.emptyByReason(), "a count back at 0 leaves the map");
        assertEquals(0, replaced.withoutProfessors(CrawlResult.EMPTY_NO_PEOPLE_FOUND));
    }

    @Test
    void aTotalStoredBeforeReasonsWereCountedReadsAsNone() {
        assertEquals(Map.of(), new ResultTotals(1, 1, 0, 0, 0, 0, null).emptyByReason());
    }

    private static ResultSummary result(String emptyReason, int rendered, long renderMs) {
        return ResultSummary.of(new CrawlResult(1, "t", "http://u/", "Uni", null, List.of(), List.of(), Math.max(1, rendered), "", 0,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, renderMs, 0, 0, rendered), Instant.EPOCH, "w1", 1, List.of(),
                emptyReason));
    }
}
