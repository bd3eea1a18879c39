package io.univinsight.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackSettingsTests {
    @Test
    void onlyTheDemoSitesServerGetsTheShortDelay() {
        Map<String, String> crawler = StackSettings.from(Map.of("UNIV_DEMO_PORT", "8090"), Path.of(".")).crawlerEnv();
        assertEquals("127.0.0.1:8090", crawler.get("CRAWLER_POLITENESS_OWN_SERVERS"));
        assertFalse(crawler.containsKey("CRAWLER_POLITENESS_DELAY"), "every other host keeps the crawler's default: " + crawler);
        assertEquals("127.0.0.1/32", crawler.get("CRAWLER_SSRF_ALLOWED_NETWORKS"));
    }

    @Test
    void anExplicitDelayIsPassedOn() {
        Map<String, String> crawler = StackSettings.from(Map.of("CRAWLER_POLITENESS_DELAY", "0s"), Path.of(".")).crawlerEnv();
        assertEquals("0s", crawler.get("CRAWLER_POLITENESS_DELAY"));
    }

    @Test
    void theServicesListenOnLoopbackUnlessToldOtherwise() {
        assertEquals("127.0.0.1", StackSettings.from(Map.of(), Path.of(".")).bindHost());
        assertEquals("0.0.0.0", StackSettings.from(Map.of("UNIV_BIND_HOST", "0.0.0.0"), Path.of(".")).bindHost());
    }
}
