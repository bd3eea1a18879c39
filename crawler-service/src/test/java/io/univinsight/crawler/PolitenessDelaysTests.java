package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.univinsight.crawler.fetch.PolitenessDelays;

class PolitenessDelaysTests {
    @Test
    void theShortDelayIsForOurOwnServersOnly() {
        PolitenessDelays delays = new PolitenessDelays(Duration.ofSeconds(1), List.of(" 127.0.0.1:8090 "), Duration.ofMillis(200));
        assertEquals(Duration.ofMillis(200), delays.delayFor("127.0.0.1:8090"));
        assertEquals(Duration.ofSeconds(1), delays.delayFor("127.0.0.1:8091"), "another port is another server");
        assertEquals(Duration.ofSeconds(1), delays.delayFor("www.university.example:443"));
    }
}
