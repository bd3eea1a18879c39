package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RecrawlIntervalTests {

    @Test
    void readsHoursDaysAndIsoDurations() {
        assertEquals(Duration.ofDays(7), RecrawlInterval.parse("7d"));
        assertEquals(Duration.ofHours(12), RecrawlInterval.parse(" 12H "));
        assertEquals(Duration.ofDays(7), RecrawlInterval.parse("P7D"));
        assertEquals(Duration.ofMinutes(90), RecrawlInterval.parse("pt1h30m"));
        assertEquals(Duration.ofHours(1), RecrawlInterval.parse("1h"));
        assertEquals(Duration.ofDays(365), RecrawlInterval.parse("365d"));
    }

    @Test
    void refusesOutsideOneHourToOneYearAndOtherForms() {
        for (String bad : new String[] {"59m", "PT59M", "0h", "366d", "8761h", "P366D", "weekly", "7", "7 d", "-1d", "P1W", "", " ", "99999999d"}) {
            assertThrows(IllegalArgumentException.class, () -> RecrawlInterval.parse(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> RecrawlInterval.parse(null));
    }

    @Test
    void showsTheShortestFaithfulForm() {
        assertEquals("7d", RecrawlInterval.format(Duration.ofDays(7)));
        assertEquals("36h", RecrawlInterval.format(Duration.ofHours(36)));
        assertEquals("1d", RecrawlInterval.format(Duration.ofHours(24)));
        assertEquals("PT1H30M", RecrawlInterval.format(Duration.ofMinutes(90)));
    }
}
