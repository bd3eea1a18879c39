package io.univinsight.events;

import java.util.Locale;

/**
 * Whether a task's pages are loaded in a headless browser before extraction. AUTO renders a page
 * only when its HTML gave no person but looks built by a script (and then every later page of
 * that host); ALWAYS renders every page; NEVER renders none and says so when a page needed it.
 */
public enum RenderMode {
    AUTO, ALWAYS, NEVER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "auto", "ALWAYS", ... ; null or blank means AUTO. */
    public static RenderMode parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown render mode '" + value + "' (expected auto, always or never)");
        }
    }
}
