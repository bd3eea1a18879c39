package io.univinsight.monitor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.univinsight.events.CrawlResult;

class ResultSummaryTests {

    @Test
    void countsRecordsAndTakesTheMetricsTheViewSums() {
        CrawlResult r = new CrawlResult(1, "t", "http://u/", "Uni", null,
                Collections.nCopies(3, (CrawlResult.Professor) null), Collections.nCopies(7, (CrawlResult.Paper) null), 12, "", 0,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 900, 4, 5_000, 2), Instant.EPOCH, "w1", 1, List.of(), null);
        assertEquals(new ResultSummary("Uni", 3, 7, 12, 4, 5_000, 2, 900, null), ResultSummary.of(r));
    }

    @Test
    void renderTimeCountsOnlyWhenAPageWasRenderedAndMissingPartsReadAsZero() {
        CrawlResult unrendered = new CrawlResult(1, "t", "http://u/", null, null, null, null, -1, "", 0,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 700, -2, -3, 0), Instant.EPOCH, "w1", 1, List.of(),
                CrawlResult.EMPTY_NO_PEOPLE_FOUND);
        assertEquals(new ResultSummary(null, 0, 0, 0, 0, 0, 0, 0, CrawlResult.EMPTY_NO_PEOPLE_FOUND), ResultSummary.of(unrendered));
        CrawlResult noMetrics = new CrawlResult(1, "t", "http://u/", "Uni", null, List.of(), List.of(), 1, "", 0,
                null, Instant.EPOCH, "w1", 1, List.of(), null);
        assertEquals(new ResultSummary("Uni", 0, 0, 1, 0, 0, 0, 0, null), ResultSummary.of(noMetrics));
    }
}
