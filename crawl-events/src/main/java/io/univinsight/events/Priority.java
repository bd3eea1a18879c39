package io.univinsight.events;

import java.util.Locale;

/** Task priority; each has its own topic so a crawler can drain higher ones first. */
public enum Priority {
    CRITICAL, HIGH, NORMAL, LOW;

    /** The task topic that carries tasks of this priority. */
    public String topic() {
        return Topics.TASKS_PREFIX + name().toLowerCase(Locale.ROOT);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "critical", "HIGH", ... ; null or blank means NORMAL. */
    public static Priority parse(String value) {
        if (value == null || value.isBlank()) {
            return NORMAL;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown priority '" + value + "' (expected critical, high, normal or low)");
        }
    }

    /** The priority whose topic this is, or null for a topic that is not a priority topic. */
    public static Priority ofTopic(String topic) {
        for (Priority p : values()) {
            if (p.topic().equals(topic)) {
                return p;
            }
        }
        return null;
    }
}
