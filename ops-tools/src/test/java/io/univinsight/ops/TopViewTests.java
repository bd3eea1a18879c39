package io.univinsight.ops;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class TopViewTests {
    private static JsonNode dashboard(int notShown) throws Exception {
        return new ObjectMapper().readTree("{\"universities\":[{\"university\":\"Uni A\",\"tasks\":2}],"
                + "\"universities_not_shown\":" + notShown + "}");
    }

    @Test
    void saysHowManyUniversitiesTheMonitorLeftOut() throws Exception {
        assertTrue(TopView.render(dashboard(23)).contains("and 23 more with fewer tasks\n"));
        assertFalse(TopView.render(dashboard(0)).contains("more with fewer tasks"));
    }
}
