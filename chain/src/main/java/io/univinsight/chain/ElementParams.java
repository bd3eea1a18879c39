package io.univinsight.chain;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configured parameters of one chain element ({@code crawler.scope.params.url-length.max-length=512}
 * gives url-length the parameter max-length). A parameter the element does not declare is an error at
 * startup, so a typo is never silently ignored.
 */
public final class ElementParams {
    private final String element;
    private final Map<String, String> values;

    ElementParams(String element, Map<String, String> values, Set<String> declared) {
        this.element = element;
        this.values = Map.copyOf(values);
        Set<String> unknown = new TreeSet<>(this.values.keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("'" + element + "' has no parameter " + unknown
                    + (declared.isEmpty() ? "; it takes none" : "; it takes " + new TreeSet<>(declared)));
        }
    }

    /** No parameters: every element at its defaults. */
    public static ElementParams none(String element) {
        return new ElementParams(element, Map.of(), Set.of());
    }

    /** The integer value of a parameter, at least {@code min}; the default when it is not configured. */
    public int intValue(String name, int defaultValue, int min) {
        String raw = values.get(name);
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value < min) {
                throw new IllegalArgumentException(element + "." + name + " must be at least " + min + ", not " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(element + "." + name + " must be a whole number, not '" + raw + "'");
        }
    }
}
