package io.univinsight.crawler.scope;

import static io.univinsight.crawler.scope.Links.SCOPE;
import static io.univinsight.crawler.scope.Links.profile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class UrlLengthFilterTests {
    private static String urlOfLength(int length) {
        String base = "https://www.uni.example/p/";
        return base + "a".repeat(length - base.length());
    }

    @Test
    void refusesUrlsLongerThanTheDefault512Characters() {
        UrlFilters defaults = UrlFilters.of(List.of(UrlLengthFilter.NAME));
        assertNull(defaults.refusal(profile(urlOfLength(512)), SCOPE));
        assertEquals(UrlLengthFilter.NAME, defaults.refusal(profile(urlOfLength(513)), SCOPE));
    }

    @Test
    void theLimitIsAParameter() {
        UrlFilters shorter = UrlFilters.of(List.of(UrlLengthFilter.NAME), Map.of(UrlLengthFilter.NAME, Map.of("max-length", "100")));
        assertNull(shorter.refusal(profile(urlOfLength(100)), SCOPE));
        assertEquals(UrlLengthFilter.NAME, shorter.refusal(profile(urlOfLength(101)), SCOPE));
    }

    @Test
    void aMistypedOrNonsenseParameterStopsStartup() {
        assertThrows(IllegalArgumentException.class,
                () -> UrlFilters.of(List.of(UrlLengthFilter.NAME), Map.of(UrlLengthFilter.NAME, Map.of("max-lenght", "100"))));
        assertThrows(IllegalArgumentException.class,
                () -> UrlFilters.of(List.of(UrlLengthFilter.NAME), Map.of(UrlLengthFilter.NAME, Map.of("max-length", "long"))));
        assertThrows(IllegalArgumentException.class,
                () -> UrlFilters.of(List.of(UrlLengthFilter.NAME), Map.of("no-such-filter", Map.of("x", "1"))));
    }
}
