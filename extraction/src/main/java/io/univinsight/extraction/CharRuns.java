package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Dropping a leading or trailing run of characters from a set: what {@code "^[set]+"} and {@code "[set]+$"} do with
 * {@code replaceAll("")}, by a scan from the end instead of a regex tried at every position of the string (citation
 * clean-up runs them on every title, venue and author).
 */
final class CharRuns {
    /** The regex whitespace class {@code \s}: [ \t\n\x0B\f\r]. */
    static final String SPACE = " \t\n\u000B\f\r";

    private CharRuns() {
    }

    /** {@code s} without its longest leading run of {@code chars}: {@code "^[chars]+"} replaced by "". */
    static String dropLeading(String s, String chars) {
        int start = 0;
        while (start < s.length() && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start);
    }

    /**
     * {@code same.matcher(s).replaceAll("")} for {@code same} = {@code "[chars]+$"}. A string ending in a line
     * terminator is left to the regex: {@code $} (not multiline) also matches before a final one. A line break
     * anywhere else changes nothing, since {@code $} matches nowhere else.
     */
    static String dropTrailing(String s, String chars, Pattern same) {
        if (s.isEmpty()) {
            return s;
        }
        char last = s.charAt(s.length() - 1);
        if (isLineTerminator(last)) {
            return same.matcher(s).replaceAll("");
        }
        if (chars.indexOf(last) < 0) {
            return s; // "$" is at the very end, after a character outside the set: no run to drop (the common case)
        }
        int end = s.length();
        while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    /** What ends a line for "$" (UNIX_LINES off): the regex matches before a final one too. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * {@code Pattern.compile("\\s*[separators]\\s*").split(s)}: the pieces between separators, the spaces beside each
     * separator dropped, trailing empty pieces removed. Each separator is found by a scan, not by a regex tried at
     * every position (author lists are split this way in every citation). {@code separators} holds no space.
     */
    static String[] splitAround(String s, String separators) {
        List<String> pieces = null;
        int pieceStart = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (separators.indexOf(s.charAt(i)) < 0) {
                continue;
            }
            // The regex's leftmost match takes the run of spaces right before the separator, back to the last match's end.
            int start = i;
            while (start > pieceStart && SPACE.indexOf(s.charAt(start - 1)) >= 0) {
                start--;
            }
            int end = i + 1;
            while (end < n && SPACE.indexOf(s.charAt(end)) >= 0) {
                end++;
            }
            if (pieces == null) {
                pieces = new ArrayList<>();
            }
            pieces.add(s.substring(pieceStart, start));
            pieceStart = end;
            i = end - 1;
        }
        if (pieces == null) {
            return new String[] {s};
        }
        pieces.add(s.substring(pieceStart));
        int size = pieces.size();
        while (size > 0 && pieces.get(size - 1).isEmpty()) {
            size--;
        }
        return pieces.subList(0, size).toArray(new String[0]);
    }
}
