package io.univinsight.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ElementParamsTests {
    @Test
    void integersAreParsedAndBounded() {
        ElementParams params = new ElementParams("url-length", Map.of("max-length", " 300 "), Set.of("max-length", "other"));
        assertEquals(300, params.intValue("max-length", 512, 16));
        assertEquals(7, params.intValue("other", 7, 0), "not configured: the default");
        assertThrows(IllegalArgumentException.class,
                () -> new ElementParams("e", Map.of("n", "3"), Set.of("n")).intValue("n", 10, 16));
        assertThrows(IllegalArgumentException.class,
                () -> new ElementParams("e", Map.of("n", "1.5"), Set.of("n")).intValue("n", 10, 1));
    }

    @Test
    void anUndeclaredParameterIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ElementParams("http-only", Map.of("x", "1"), Set.of()));
        assertEquals("'http-only' has no parameter [x]; it takes none", e.getMessage());
    }
}
