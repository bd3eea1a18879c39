package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.univinsight.extraction.bench.BenchPages;

/**
 * VisibleText gives what jsoup's Element.text() gives, PageIndex's length test (decided from character counts where
 * they settle it) agrees with that text's length, and its test for a tracked character with the element's whole text,
 * on every element of the corpus pages and of random markup.
 */
class VisibleTextTests {
    private static final String[] PIECES = {"jane", "x", "é", "中", "😀", "\ud800", " ", "  ", "\t", "\n", "\r", "\f", "\u000b",
            "&nbsp;", "\u00a0", "\u3000", "\u200b", "&shy;", "\u0001", "<p>", "</p>", "<div>", "</div>", "<span>", "</span>",
            "<b>", "</b>", "<br>", "<li>", "<ul>", "</ul>", "<pre>", "</pre>", "<textarea>", "</textarea>", "<table><tr><td>",
            "</td></tr></table>", "<h2>", "</h2>", "<img>", "<!-- c -->", "<script>x</script>", "<svg><![CDATA[ a  b ]]></svg>",
            "<code>", "</code>", "<hr>", "#", "@", "/", "%"};

    /** The characters PageIndex.textHas knows about. */
    private static final String TRACKED = "#@/%";

    @Test
    void sameAsJsoupOnEveryCorpusElement() throws IOException {
        int elements = 0;
        for (Path page : CorpusPages.all()) {
            elements += assertSameOnEveryElement(Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "https://example.edu/"));
        }
        List<BenchPages.Person> people = BenchPages.people(24, 7);
        elements += assertSameOnEveryElement(Jsoup.parse(BenchPages.directory(people.subList(0, 12), 1, 2, 7)));
        elements += assertSameOnEveryElement(Jsoup.parse(BenchPages.profile(people.get(0), 7)));
        assertTrue(elements > 10_000, "elements compared: " + elements);
    }

    @Test
    void sameAsJsoupOnRandomMarkup() {
        Random random = new Random(20);
        for (int i = 0; i < 20_000; i++) {
            String html = RandomTexts.of(random, PIECES, 30);
            assertSameOnEveryElement(Jsoup.parse(html));
        }
    }

    private static int assertSameOnEveryElement(Document doc) {
        int n = 0;
        PageIndex index = PageIndex.of(doc);
        for (Element el : doc.getAllElements()) {
            String text = el.text();
            assertEquals(text, VisibleText.of(el), () -> "element " + el.cssSelector() + " of <" + doc.body().html() + ">");
            int length = text.length();
            // The exact length, just above, just below, and the windows the extractors ask about.
            for (int[] window : new int[][] {{length, length}, {length + 1, Integer.MAX_VALUE}, {0, length - 1}, {2, 1200},
                    {0, 1000}, {40, Integer.MAX_VALUE}}) {
                assertEquals(length >= window[0] && length <= window[1], index.textLengthWithin(el, window[0], window[1]),
                        () -> "length " + length + " in " + java.util.Arrays.toString(window) + ", element " + el.cssSelector()
                                + " of <" + doc.body().html() + ">");
            }
            for (char c : TRACKED.toCharArray()) {
                assertEquals(el.wholeText().indexOf(c) >= 0, index.textHas(el, c),
                        () -> "'" + c + "' in element " + el.cssSelector() + " of <" + doc.body().html() + ">");
            }
            n++;
        }
        return n;
    }
}
