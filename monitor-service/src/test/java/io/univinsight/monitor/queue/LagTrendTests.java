package io.univinsight.monitor.queue;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LagTrendTests {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static LagTrend sampled(long... totals) {
        LagTrend trend = new LagTrend();
        for (int i = 0; i < totals.length; i++) {
            trend.record(T0.plusSeconds(60L * i), totals[i]); // one sample a minute
        }
        return trend;
    }

    @Test
    void risingForFiveMinutesIsATrend() {
        assertTrue(sampled(1, 2, 2, 3, 5, 8).rising(T0.plusSeconds(300)));
    }

    @Test
    void lessThanFiveMinutesOfSamplesIsNot() {
        assertFalse(sampled(1, 2, 3, 4, 5).rising(T0.plusSeconds(240)));
    }

    @Test
    void anyFallWithinTheWindowBreaksIt() {
        assertFalse(sampled(1, 2, 3, 2, 5, 8).rising(T0.plusSeconds(300)));
    }

    @Test
    void aFlatQueueIsNotRising() {
        assertFalse(sampled(4, 4, 4, 4, 4, 4).rising(T0.plusSeconds(300)));
    }

    @Test
    void aFallOlderThanTheWindowIsForgotten() {
        // 9 -> 1 at minute 1, then rising for the 5 minutes after it.
        assertTrue(sampled(9, 1, 2, 3, 4, 5, 6).rising(T0.plusSeconds(360)));
    }
}
