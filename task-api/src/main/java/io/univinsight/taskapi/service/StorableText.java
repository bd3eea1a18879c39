package io.univinsight.taskapi.service;

/**
 * Text PostgreSQL can store and compare: no NUL (a text column refuses it) and no half of a
 * UTF-16 surrogate pair (no UTF-8 form). Names also refuse the other control characters.
 */
public final class StorableText {
    private StorableText() {
    }

    /** Why the value cannot be stored or queried, or null when it can. */
    public static String problem(String value) {
        return problem(value, false);
    }

    /** Like {@link #problem(String)}, refusing every control character (tab and newline too) when strict. */
    public static String problem(String value, boolean strict) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (strict && Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain unpaired UTF-16 surrogates";
            }
        }
        return null;
    }
}
