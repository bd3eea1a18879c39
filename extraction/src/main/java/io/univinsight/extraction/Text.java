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

    /** Up to this length {@link #hasOnlySingleSpaces} walks the string instead of searching it. */
    private static final int SHORT = 48;

    private Text() {
    }

    /** Non-breaking spaces to spaces, runs of whitespace collapsed, trimmed; null-safe. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        if (hasOnlySingleSpaces(s)) {
            // The loop below would copy s as it is (each single space stays one): only the ends are left to trim.
            // Most strings handed in are clean already, and trim() returns them without a copy.
            return s.trim();
        }
        // Same as s.replace(U+00A0 and U+3000 by spaces).replaceAll("\\s+", " ").trim(), in one pass.
        StringBuilder sb = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isCleanedSpace(c)) {
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

    /**
     * {@code clean(s).length() > max}. clean keeps every character above ' ' but the two spaces it collapses (its trim()
     * takes control characters too, at either end), so a text with more than max of them is decided by a look at its
     * first ones (a citation or a sentence, most texts asked), without cleaning it.
     */
    static boolean cleanLongerThan(String s, int max) {
        return keepsMoreThan(s, max) || clean(s).length() > max;
    }

    /**
     * Whether s holds more than max characters that clean() keeps wherever they stand: those above ' ' but the
     * no-break and ideographic spaces. Looks at the first characters only, until it has counted max + 1.
     */
    static boolean keepsMoreThan(String s, int max) {
        int kept = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c != '\u00a0' && c != '\u3000' && ++kept > max) {
                return true;
            }
        }
        return false;
    }

    /**
     * No whitespace {@link #clean} changes but single spaces: no run of two, no tab, line break, no-break or ideographic
     * space. Found by String.indexOf, vectorised, rather than a look at every character.
     */
    private static boolean hasOnlySingleSpaces(String s) {
        int n = s.length();
        if (n <= SHORT) { // a look at each character costs less than eight searches on a short string (a name, a title)
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (isCleanedSpace(c) && (c != ' ' || (i + 1 < n && s.charAt(i + 1) == ' '))) {
                    return false;
                }
            }
            return true;
        }
        return s.indexOf("  ") < 0 && s.indexOf('\n') < 0 && s.indexOf('\t') < 0 && s.indexOf('\r') < 0 && s.indexOf('\f') < 0
                && s.indexOf('\u000B') < 0 && s.indexOf('\u00a0') < 0 && s.indexOf('\u3000') < 0;
    }

    /** One of {@code lowerWords} occurs in s, as {@link #containsIgnoreAsciiCase} reads each. */
    static boolean containsAnyIgnoreAsciiCase(String s, String... lowerWords) {
        String lower = asciiLowerCase(s); // one copy, then one search per word instead of one per case of its first letter
        for (String word : lowerWords) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** s with A-Z as a-z and every other character as it is (s itself when it has no capital A-Z). */
    static String asciiLowerCase(String s) {
        int i = 0;
        while (i < s.length() && !(s.charAt(i) >= 'A' && s.charAt(i) <= 'Z')) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 32;
            }
        }
        return new String(chars);
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
        return lines(root, null);
    }

    /** Told, during {@link #lines(Element, BlockLines)}, which run of the root's lines each block element below it makes. */
    interface BlockLines {
        /** Lines {@code [from, to)} of the root's are exactly {@code lines(block)}. */
        void block(Element block, int from, int to);
    }

    /**
     * {@link #lines(Element)}, telling {@code blocks} (when not null) the run of lines of each block element below the
     * root: a block flushes the line before it at its start and its own last line at its end, so the lines in between
     * are the ones it makes on its own.
     */
    static List<String> lines(Element root, BlockLines blocks) {
        List<String> out = new ArrayList<>();
        CleanLine cur = new CleanLine();
        NodeTraversor.traverse(new NodeVisitor() {
            private int[] starts = new int[16]; // per depth: where the open block's lines start

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    cur.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (isBoundary(e)) {
                        cur.flushTo(out);
                        if (depth >= starts.length) {
                            starts = java.util.Arrays.copyOf(starts, depth * 2);
                        }
                        starts[depth] = out.size();
                    } else {
                        cur.space();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (isBoundary(e)) {
                        cur.flushTo(out);
                        if (blocks != null && depth > 0) {
                            blocks.block(e, starts[depth], out.size());
                        }
                    } else {
                        cur.space();
                    }
                }
            }
        }, root);
        cur.flushTo(out);
        return out;
    }

    /**
     * A line being built, kept as {@link #clean} would leave it: whitespace runs are collapsed as the text comes in,
     * so ending a line needs no second pass over it. (A space left at either end goes with the final trim(), as in clean.)
     */
    private static final class CleanLine {
        /** Room for a typical line from the start: doubling up from 16 copies each long line several times. */
        private final StringBuilder sb = new StringBuilder(128);
        private boolean inSpace;

        void space() {
            inSpace = true;
        }

        void append(String s) {
            int n = s.length();
            int start = n > 0 && s.charAt(0) == ' ' ? 1 : 0;
            int end = n > start && s.charAt(n - 1) == ' ' ? n - 1 : n;
            if (start < end && hasOnlySingleSpaces(s)) { // each space stays as it is, or (at either end) is the pending one
                // What the loop below makes of it, found by vectorised searches instead of a look at every character.
                if (start > 0) {
                    inSpace = true;
                }
                appendRun(s, start, end);
                if (end < n) {
                    inSpace = true;
                }
                return;
            }
            int from = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (isCleanedSpace(c)) {
                    if (c == ' ' && i > from && i + 1 < n && !isCleanedSpace(s.charAt(i + 1))) {
                        continue; // one space between two kept characters stays as it is: prose goes in as one run
                    }
                    if (i > from) {
                        appendRun(s, from, i);
                    }
                    inSpace = true;
                    from = i + 1;
                }
            }
            if (from < s.length()) {
                appendRun(s, from, s.length());
            }
        }

        private void appendRun(String s, int from, int to) {
            if (inSpace && sb.length() > 0) {
                sb.append(' ');
            }
            inSpace = false;
            sb.append(s, from, to);
        }

        void flushTo(List<String> out) {
            String s = sb.toString().trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
            sb.setLength(0);
            inSpace = false;
        }
    }

    /**
     * The whitespace {@link #clean} turns into single spaces: space, tab, LF, VT, FF, CR (9 to 13 in a run),
     * no-break and ideographic spaces. Ordered so that a letter, the common case, fails after three comparisons.
     */
    static boolean isCleanedSpace(char c) {
        return c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') : c == '\u00a0' || c == '\u3000';
    }

    static boolean isBoundary(Element e) {
        return !INLINE.contains(e.normalName());
    }
}
