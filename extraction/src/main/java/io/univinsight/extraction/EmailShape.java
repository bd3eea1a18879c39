package io.univinsight.extraction;

/**
 * Where an address written as {@link Emails#EMAIL} starts and ends, by a plain scan of the characters: what the
 * pattern's {@code lookingAt()} and {@code find()} give, without the backtracking they spend on every "@" of a page
 * (the domain's repeated labels then the final one: the pattern first takes every label, then gives them back).
 * {@code EmailShapeTests} compares both on written and random texts.
 */
final class EmailShape {
    private EmailShape() {
    }

    /**
     * The end of the match of {@link Emails#EMAIL} that starts at {@code start}, or -1: the pattern's
     * {@code matcher(text).region(start, text.length()).lookingAt()}.
     * <p>
     * Read off the pattern, {@code [local]+@[label](?:\.[label])*\.[A-Za-z]{2,}}: the greedy local part takes the
     * whole run of local characters, which must then meet the "@"; after it, the domain is labels split by single
     * dots, and the match ends after the letters that open the last label (from the right) past the first one whose
     * opening letters number two or more: the first match backtracking reaches.
     */
    static int endAt(String text, int start) {
        int n = text.length();
        int at = start;
        while (at < n && isLocal(text.charAt(at))) {
            at++;
        }
        if (at == start || at == n || text.charAt(at) != '@') {
            return -1;
        }
        int i = at + 1;
        int labelEnd = endOfLabel(text, i);
        if (labelEnd == i) {
            return -1; // the first label needs a character
        }
        int end = -1;
        i = labelEnd;
        while (i + 1 < n && text.charAt(i) == '.' && isLabel(text.charAt(i + 1))) {
            int labelStart = i + 1;
            labelEnd = endOfLabel(text, labelStart);
            int letters = labelStart;
            while (letters < labelEnd && isAsciiLetter(text.charAt(letters))) {
                letters++;
            }
            if (letters - labelStart >= 2) {
                end = letters; // a later label that qualifies wins: the pattern gives back as few labels as it can
            }
            i = labelEnd;
        }
        return end;
    }

    /** The start and end of the first match of {@link Emails#EMAIL} at or after {@code from}, or null: its find(). */
    static int[] find(String text, int from) {
        int pos = from;
        int n = text.length();
        while (pos < n) {
            int at = text.indexOf('@', pos);
            if (at < 0) {
                return null;
            }
            int start = at;
            while (start > pos && isLocal(text.charAt(start - 1))) {
                start--;
            }
            // Every start before the run's reaches the same "@" or none: the run's start is the first to match, if any does.
            int end = start < at ? endAt(text, start) : -1;
            if (end >= 0) {
                return new int[] {start, end};
            }
            pos = at + 1;
        }
        return null;
    }

    private static int endOfLabel(String text, int from) {
        int i = from;
        while (i < text.length() && isLabel(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** [A-Za-z0-9._%+-], the local part's characters. */
    static boolean isLocal(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    /** [A-Za-z0-9-], a domain label's characters. */
    private static boolean isLabel(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
