package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Whitespace clean-up and "visual line" splitting shared by the extractors. */
final class Text {
    /**
     * Inline tags that do not start a new visual line. Everything else (p, div, td, li, span, br, ...)
     * does: spans are included on purpose because templates use them as separate fields
     * ({@code <span class="title">}), and merging them would glue a name to a title.
     */
    private static final Set<String> INLINE = Set.of(
            "a", "em", "i", "b", "strong", "small", "sup", "sub", "abbr", "code", "u", "s",
            "font", "mark", "time", "bdi", "bdo", "cite", "q", "label", "wbr");

    private Text() {
    }

    /** Non-breaking spaces to spaces, runs of whitespace collapsed, trimmed; null-safe. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        if (isClean(s)) {
            return s; // most strings handed in are already clean: skip the regex and the copies
        }
        // Same as s.replace(U+00A0 and U+3000 by spaces).replaceAll("\\s+", " ").trim(), in one pass.
        StringBuilder sb = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0' || c == '\u3000') {
                inSpace = true;
            } else {
                if (inSpace) {
                    sb.append(' ');
                    inSpace = false;
                }
                sb.append(c);
            }
        }
        if (inSpace) {
            sb.append(' ');
        }
        return sb.toString().trim();
    }

    /** True when {@link #clean} would return the string unchanged. */
    private static boolean isClean(String s) {
        int n = s.length();
        if (n == 0) {
            return true;
        }
        if (s.charAt(0) <= ' ' || s.charAt(n - 1) <= ' ') {
            return false; // trim() would drop it
        }
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (prev == ' ') {
                    return false;
                }
            } else if (c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '\u00a0' || c == '\u3000') {
                return false;
            }
            prev = c;
        }
        return true;
    }

    /** {@code lowerWord} occurs in s, letters A-Z matched in either case (as a (?i) regex does, ASCII only). */
    static boolean containsIgnoreAsciiCase(String s, String lowerWord) {
        char first = lowerWord.charAt(0);
        char firstUpper = first >= 'a' && first <= 'z' ? (char) (first - 32) : first;
        // Candidates start where the first letter is, in either case: String.indexOf finds those fast.
        return occursFrom(s, lowerWord, first) || (firstUpper != first && occursFrom(s, lowerWord, firstUpper));
    }

    private static boolean occursFrom(String s, String lowerWord, char first) {
        int m = lowerWord.length();
        for (int i = s.indexOf(first); i >= 0 && i + m <= s.length(); i = s.indexOf(first, i + 1)) {
            int j = 1;
            while (j < m) {
                char c = s.charAt(i + j);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + 32);
                }
                if (c != lowerWord.charAt(j)) {
                    break;
                }
                j++;
            }
            if (j == m) {
                return true;
            }
        }
        return false;
    }

    static boolean isBlank(String s) {
        return s == null || clean(s).isEmpty();
    }

    static String truncate(String s, int max) {
        String c = clean(s);
        return c.length() <= max ? c : c.substring(0, max - 1) + "…";
    }

    /** Splits an element into the lines a reader would see (block boundaries and {@code <br>}). */
    static List<String> lines(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    cur.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (isBoundary(e)) {
                        flush(cur, out);
                    } else {
                        cur.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (isBoundary(e)) {
                        flush(cur, out);
                    } else {
                        cur.append(' ');
                    }
                }
            }
        }, root);
        flush(cur, out);
        return out;
    }

    private static boolean isBoundary(Element e) {
        return !INLINE.contains(e.normalName());
    }

    private static void flush(StringBuilder cur, List<String> out) {
        String s = clean(cur.toString());
        if (!s.isEmpty()) {
            out.add(s);
        }
        cur.setLength(0);
    }
}
