package io.univinsight.monitor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheStatsTests {

    @Test
    void theHitRateIsHitsOverPagesAndZeroBeforeAnyPage() {
        assertEquals(0.0, CacheStats.empty().hitRate());
        assertEquals(0.25, new CacheStats(2, 8, 2, 100).hitRate());
        assertEquals(1.0, new CacheStats(1, 3, 5, 100).hitRate(), "more hits than pages is capped");
    }
}
