package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;

/**
 * Text.lines gives, for each visual line, what {@link Text#clean} makes of its raw text (text nodes as written, a
 * space where an inline element starts or ends), on random markup with every kind of space in it.
 */
class TextLinesTests {
    private static final String[] PIECES = {"jane", "doe", "x", "é", "中", " ", "  ", "\t", "\n", "\r\n", "&nbsp;", "\u3000",
            "\u0001", ".", ",", "<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<b>", "</b>", "<a href=x>", "</a>",
            "<br>", "<li>", "<em> ", " </em>", "<td>", "<pre>", "</pre>"};

    @Test
    void randomMarkupSplitsIntoCleanedLines() {
        Random random = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            String html = RandomTexts.of(random, PIECES, 30);
            Element body = Jsoup.parse(html).body();
            assertEquals(reference(body), Text.lines(body), () -> "markup <" + html + ">");
        }
    }

    @Test
    void cleanIsTheRegexReplacementOnRandomTexts() {
        String[] pieces = {"a", "é", "中", " ", "  ", "\t", "\n", "\r", "\f", "\u000b", "\u00a0", "\u3000", "\u0001", "\u2003"};
        Random random = new Random(21);
        for (int i = 0; i < 50_000; i++) {
            String s = RandomTexts.of(random, pieces, i % 2 == 0 ? 12 : 60); // short strings are walked, long ones searched
            assertEquals(s.replace('\u00a0', ' ').replace('\u3000', ' ').replaceAll("\\s+", " ").trim(), Text.clean(s),
                    () -> "text <" + s + ">");
        }
    }

    @Test
    void proseKeepsItsSingleSpacesAndLosesTheRest() {
        Element body = Jsoup.parse("<p>  Research  interests include\tdistributed systems,\n databases </p><p>a <b>b</b>c</p>").body();
        assertEquals(List.of("Research interests include distributed systems, databases", "a b c"), Text.lines(body));
    }

    /** The lines written out plainly: the raw text of each (a space for an inline tag), cleaned once at its end. */
    private static List<String> reference(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder raw = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    raw.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    boundary(e);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    boundary(e);
                }
            }

            private void boundary(Element e) {
                if (Text.isBoundary(e)) {
                    flush(raw, out);
                } else {
                    raw.append(' ');
                }
            }
        }, root);
        flush(raw, out);
        return out;
    }

    private static void flush(StringBuilder raw, List<String> out) {
        String line = Text.clean(raw.toString());
        if (!line.isEmpty()) {
            out.add(line);
        }
        raw.setLength(0);
    }
}
