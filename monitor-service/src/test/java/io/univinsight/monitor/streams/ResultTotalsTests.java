package io.univinsight.monitor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultTotalsTests {

    @Test
    void theHitRateIsHitsOverPagesAndZeroBeforeAnyPage() {
        assertEquals(0.0, ResultTotals.empty().hitRate());
        assertEquals(0.25, new ResultTotals(2, 8, 2, 100, 0, 0).hitRate());
        assertEquals(1.0, new ResultTotals(1, 3, 5, 100, 0, 0).hitRate(), "more hits than pages is capped");
    }
}
