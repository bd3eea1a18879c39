package io.univinsight.persistence.merge;

import java.time.Instant;

/**
 * A field's value and when it was seen. Merging keeps the newest non-empty value (ties by the
 * value itself), so the same sightings give the same row in whatever order they arrive: what
 * makes a replay converge to the live tables. A null time ranks below every time: a guess that
 * only fills a gap, like the task's department.
 */
public record Sighting(String value, Instant seenAt) {

    /** A sighting of a non-blank value (trimmed), or null for nothing to say. */
    public static Sighting of(String value, Instant seenAt) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : new Sighting(trimmed, seenAt);
    }

    public static Sighting newest(Sighting a, Sighting b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int byTime = compareTimes(a.seenAt, b.seenAt);
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.value.compareTo(b.value) >= 0 ? a : b;
    }

    public static String valueOf(Sighting s) {
        return s == null ? null : s.value;
    }

    public static Instant timeOf(Sighting s) {
        return s == null ? null : s.seenAt;
    }

    private static int compareTimes(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
