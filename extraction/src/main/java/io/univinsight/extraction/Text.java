package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Text() {
    }

    /** Non-breaking spaces to spaces, runs of whitespace collapsed, trimmed; null-safe. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        return WHITESPACE.matcher(s.replace('\u00a0', ' ').replace('\u3000', ' ')).replaceAll(" ").trim();
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
