package io.univinsight.monitor;

import java.util.HashMap;
import java.util.Map;

/** Reads Prometheus text exposition into "name{labels}" -> value (comments skipped). */
final class PrometheusText {
    private PrometheusText() {
    }

    static Map<String, Double> parse(String text) {
        Map<String, Double> values = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // not a plain sample line
            }
        }
        return values;
    }
}
