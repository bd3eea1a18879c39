package io.univinsight.taskapi.rest;

import io.univinsight.taskapi.error.InvalidRequest;

/**
 * Whole-number query parameters read here rather than by JAX-RS, which answers 404 for one it
 * cannot convert ("limit=99999999999", "yearFrom=abc"): a wrong parameter is the client's 400.
 */
final class QueryNumbers {
    static final int DEFAULT_LIMIT = 100;

    private QueryNumbers() {
    }

    /** The page size asked for, or the default; its range is the listing's to check. */
    static int limit(String raw) {
        Integer value = parse("limit", raw);
        return value == null ? DEFAULT_LIMIT : value;
    }

    /** A year filter, or null when not given. */
    static Integer year(String name, String raw) {
        return parse(name, raw);
    }

    private static Integer parse(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw InvalidRequest.of(name, "must be a whole number, not '" + (raw.length() > 40 ? raw.substring(0, 40) + "..." : raw) + "'");
        }
    }
}
