package io.univinsight.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code replaceAll} for a regex whose every match is a run of "lead" characters followed by an anchor word
 * ({@code "\\s*,?\\s*(?:\\band\\b|&)\\s+"}: spaces and a comma before "and"). Such a regex, left to itself, is tried at
 * every position of the text; here it is only tried from the start of the lead run before the next anchor, which is
 * where the leftmost match can start. Same matches, same result.
 */
final class LeadingRuns {
    private LeadingRuns() {
    }

    /**
     * {@code pattern.matcher(s).replaceAll(literal)} for a pattern that never matches empty text and whose matches all
     * are a run of {@code leadChars} followed by one of {@code anchors}; {@code literal} has no "$" or "\".
     */
    static String replaceAll(String s, Pattern pattern, String literal, String leadChars, String... anchors) {
        Matcher m = null; // made at the first anchor: most texts have none
        StringBuilder out = null;
        int done = 0;
        int pos = 0;
        while (true) {
            int anchor = -1;
            for (String a : anchors) {
                int at = s.indexOf(a, pos);
                if (at >= 0 && (anchor < 0 || at < anchor)) {
                    anchor = at;
                }
            }
            if (anchor < 0) {
                break;
            }
            int from = anchor;
            while (from > pos && leadChars.indexOf(s.charAt(from - 1)) >= 0) {
                from--;
            }
            if (m == null) {
                m = pattern.matcher(s);
            }
            if (!m.find(from)) {
                break; // (find scans on past this anchor, so no match is left after it either)
            }
            if (out == null) {
                out = new StringBuilder(s.length());
            }
            out.append(s, done, m.start()).append(literal);
            done = m.end();
            pos = m.end();
        }
        return out == null ? s : out.append(s, done, s.length()).toString();
    }
}
