package io.univinsight.extraction;

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
     * {@code same.matcher(s).replaceAll("")} for {@code same} = {@code "[chars]+$"}. A string with a line break is
     * left to the regex: there {@code $} also matches before a final line terminator.
     */
    static String dropTrailing(String s, String chars, Pattern same) {
        if (s.isEmpty() || (chars.indexOf(s.charAt(s.length() - 1)) < 0 && !isLineTerminator(s.charAt(s.length() - 1)))) {
            return s; // "$" is at the very end, after a character outside the set: no run to drop (the common case)
        }
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0 || s.indexOf('\u0085') >= 0 || s.indexOf('\u2028') >= 0
                || s.indexOf('\u2029') >= 0) { // vectorised searches: most strings hold none
            return same.matcher(s).replaceAll("");
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
}
