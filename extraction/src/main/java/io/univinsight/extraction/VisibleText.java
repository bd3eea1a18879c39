package io.univinsight.extraction;

import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * {@link Element#text()}, the same string built faster: jsoup appends a text node's characters one code point at a
 * time, this copies the runs that normalising leaves as they are (most of the text: single spaces between words
 * stay) in one go. The spaces added between blocks, the whitespace kept in {@code <pre>} and the characters dropped
 * (zero-width space, soft hyphen) follow jsoup 1.21's {@code Element.text()}; {@code VisibleTextTests} holds the two
 * equal on every element of the corpus pages and on random markup, so a jsoup that reads differently fails there.
 */
final class VisibleText {
    private VisibleText() {
    }

    static String of(Element root) {
        return of(root, 16);
    }

    /**
     * {@link #of(Element)} with room for {@code expectedChars} from the start: a builder that doubles its way up to a
     * list item's few hundred characters copies them several times on the way.
     */
    static String of(Element root, int expectedChars) {
        StringBuilder accum = new StringBuilder(expectedChars);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (text instanceof CDataNode || keepsWhitespace(text.parentNode())) {
                        accum.append(text.getWholeText());
                    } else {
                        appendNormalised(accum, text.getWholeText(), endsWithSpace(accum));
                    }
                } else if (node instanceof Element el && accum.length() > 0
                        && (el.tag().isBlock() || el.normalName().equals("br")) && !endsWithSpace(accum)) {
                    accum.append(' ');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                // A block followed by text or an inline element: "<div>One</div>Two" reads "One Two".
                if (node instanceof Element el && !el.tag().isInline() && !endsWithSpace(accum)) {
                    Node next = el.nextSibling();
                    if (next instanceof TextNode || (next instanceof Element e && e.tag().isInline())) {
                        accum.append(' ');
                    }
                }
            }
        }, root);
        return trimmed(accum);
    }

    /** {@code sb.toString().trim()} in one copy. */
    private static String trimmed(StringBuilder sb) {
        int from = 0;
        int to = sb.length();
        while (from < to && sb.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && sb.charAt(to - 1) <= ' ') {
            to--;
        }
        return sb.substring(from, to);
    }

    /**
     * Whitespace runs as one space (none at the start when {@code stripLeading}), zero-width spaces and soft hyphens
     * dropped; every other character, and a lone space after one, copied as part of a run.
     */
    private static void appendNormalised(StringBuilder accum, String s, boolean stripLeading) {
        if (isPlain(s)) { // what the loop below makes of it, found by vectorised searches: most text nodes of prose
            accum.append(s, stripLeading && s.startsWith(" ") ? 1 : 0, s.length());
            return;
        }
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        int from = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isWhite(c)) {
                boolean dropped = (stripLeading && !reachedNonWhite) || lastWasWhite;
                if (!dropped && c == ' ') {
                    lastWasWhite = true; // written as it stands: stays in the run
                    continue;
                }
                accum.append(s, from, i);
                from = i + 1;
                if (!dropped) {
                    accum.append(' ');
                    lastWasWhite = true;
                }
            } else if (c == '\u200b' || c == '\u00ad') {
                accum.append(s, from, i);
                from = i + 1;
            } else {
                lastWasWhite = false;
                reachedNonWhite = true;
            }
        }
        accum.append(s, from, s.length());
    }

    /** Characters that on their own keep a text node from being plain: whitespace but the space, and what text() drops. */
    private static final String NOT_PLAIN = "\n\t\r\f\u00a0\u200b\u00ad";
    /** The range NOT_PLAIN's characters above ASCII lie in; the others are control characters, below ' '. */
    private static final char NOT_PLAIN_WIDE_FROM = (char) NOT_PLAIN.chars().filter(c -> c > 0x7f).min().orElse(0xffff);
    private static final char NOT_PLAIN_WIDE_TO = (char) NOT_PLAIN.chars().filter(c -> c > 0x7f).max().orElse(0);

    static {
        if (NOT_PLAIN.chars().anyMatch(c -> c >= ' ' && c <= 0x7f)) {
            throw new IllegalStateException("breaksPlainAt passes ASCII from ' ' up over: NOT_PLAIN may not hold any");
        }
    }

    /** No whitespace to normalise but single spaces, and nothing to drop. */
    static boolean isPlain(String s) {
        int n = s.length();
        if (n <= 48) { // a look at each character costs less than eight searches on a short text node
            for (int i = 0; i < n; i++) {
                if (breaksPlainAt(s, i)) {
                    return false;
                }
            }
            return true;
        }
        if (s.indexOf("  ") >= 0) {
            return false;
        }
        for (int k = 0; k < NOT_PLAIN.length(); k++) {
            if (s.indexOf(NOT_PLAIN.charAt(k)) >= 0) { // vectorised searches
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the character at {@code i} keeps {@code s} from being plain ({@link #isPlain}): one of {@link #NOT_PLAIN},
     * or a space followed by another. The one definition for the page index's counts too.
     */
    static boolean breaksPlainAt(String s, int i) {
        char c = s.charAt(i);
        if (c == ' ') {
            return i + 1 < s.length() && s.charAt(i + 1) == ' ';
        }
        // Printable ASCII and most other scripts lie outside the two ranges NOT_PLAIN's characters are in.
        return (c < ' ' || (c >= NOT_PLAIN_WIDE_FROM && c <= NOT_PLAIN_WIDE_TO)) && NOT_PLAIN.indexOf(c) >= 0;
    }

    /** jsoup's "actually whitespace": space, tab, LF, FF, CR and no-break space (not VT, not the ideographic space). */
    private static boolean isWhite(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00a0';
    }

    private static boolean endsWithSpace(StringBuilder sb) {
        return sb.length() != 0 && sb.charAt(sb.length() - 1) == ' ';
    }

    /** Text under a pre (or another whitespace-keeping tag) at most five levels up keeps its whitespace. */
    private static boolean keepsWhitespace(Node parent) {
        if (parent instanceof Element el) {
            for (int i = 0; i < 6 && el != null; i++, el = el.parent()) {
                if (el.tag().preserveWhitespace()) {
                    return true;
                }
            }
        }
        return false;
    }
}
