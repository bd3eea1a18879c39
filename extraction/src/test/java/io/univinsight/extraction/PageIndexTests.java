package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The page index's remembered answers are the plain ones: every element's position is its place in document order,
 * a detached copy has none, and chrome remembered per position (asked in any order) is what {@link Layout} says.
 */
class PageIndexTests {

    @Test
    void positionsAreDocumentOrderAndCopiesHaveNone() throws IOException {
        int checked = 0;
        for (Document doc : corpus()) {
            List<Element> all = doc.getAllElements();
            ElementPositions positions = new ElementPositions(all);
            assertEquals(all.size(), positions.size());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i, positions.indexOf(all.get(i)));
            }
            assertEquals(all, PageIndex.of(doc).elementsUnder(doc), "the index's own walk gives jsoup's order");
            Element copy = all.get(all.size() / 2).clone();
            assertEquals(-1, positions.indexOf(copy), "a copy is another element, equal or not");
            assertEquals(-1, positions.indexOf(null));
            checked += all.size();
        }
        assertTrue(checked > 10_000, "elements checked: " + checked);
    }

    @Test
    void walksPagesNestedDeeperThanItsStackStartsWith() {
        StringBuilder html = new StringBuilder("<p>before</p>");
        for (int depth = 0; depth < 300; depth++) {
            html.append("<div><span>").append(depth).append("</span> text ");
        }
        html.append("<b>deepest</b>").append("</div><i>after</i>".repeat(300));
        Document doc = Jsoup.parse(html.toString());
        assertEquals(doc.getAllElements(), PageIndex.of(doc).elementsUnder(doc));
    }

    @Test
    void smallPagesGetATableToo() {
        for (String html : List.of("", "<p>", "<p><b>x</b></p>")) {
            Document doc = Jsoup.parse(html);
            List<Element> all = doc.getAllElements();
            ElementPositions positions = new ElementPositions(all);
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i, positions.indexOf(all.get(i)));
            }
        }
    }

    @Test
    void rememberedChromeIsLayoutsAnswerInAnyOrder() throws IOException {
        Random random = new Random(16);
        int chrome = 0;
        for (Document doc : corpus()) {
            List<Element> asked = new ArrayList<>(doc.getAllElements());
            Collections.shuffle(asked, random); // a descendant before its ancestor, and after it
            PageIndex index = PageIndex.of(doc);
            for (Element el : asked) {
                boolean expected = Layout.inChrome(el);
                assertEquals(expected, index.inChrome(el), () -> "element " + el.cssSelector());
                chrome += expected ? 1 : 0;
            }
            Element detached = asked.get(0).clone();
            assertEquals(Layout.inChrome(detached), index.inChrome(detached));
        }
        assertTrue(chrome > 1_000, "chrome elements seen: " + chrome);
    }

    @Test
    void tagQueriesFindWhatJsoupSelects() throws IOException {
        List<Css.Tagged> queries = List.of(Css.Tagged.parse("script"), Css.Tagged.parse("h2"), Css.Tagged.parse("a[href]"),
                Css.Tagged.parse("link[rel=canonical][href]"), Css.Tagged.parse("li"), Css.Tagged.parse("blink"));
        Random random = new Random(16);
        int found = 0;
        for (Document doc : corpus()) {
            List<Element> all = doc.getAllElements();
            List<Element> roots = new ArrayList<>(List.of(doc));
            for (int i = 0; i < 20; i++) {
                roots.add(all.get(random.nextInt(all.size())));
            }
            roots.add(all.get(all.size() / 2).clone()); // detached: jsoup answers
            try (PageIndex.Scope ignored = PageIndex.sharedFor(doc)) {
                for (Element root : roots) {
                    for (Css.Tagged query : queries) {
                        List<Element> expected = root.select(query.query());
                        List<Element> actual = PageIndex.select(root, query);
                        assertEquals(expected.size(), actual.size(), () -> query + " under " + root.cssSelector());
                        for (int i = 0; i < expected.size(); i++) {
                            assertTrue(expected.get(i) == actual.get(i), "the same elements in the same order");
                        }
                        found += expected.size();
                    }
                }
            }
        }
        assertTrue(found > 10_000, "elements found: " + found);
    }

    @Test
    void aTaggedQueryIsOneTagWithAttributeTests() {
        assertEquals("script", Css.Tagged.parse("script[type~=(?i)application/ld\\+json]").tag());
        assertEquals("h1", Css.Tagged.parse("H1").tag());
        for (String notOneTag : List.of("[class]", "h1, h2", "ul li", "ul > li", "a[href] b", "*")) {
            assertThrows(IllegalArgumentException.class, () -> Css.Tagged.parse(notOneTag), notOneTag);
        }
    }

    private static List<Document> corpus() throws IOException {
        List<Document> docs = new ArrayList<>();
        for (Path p : CorpusPages.all()) {
            docs.add(Jsoup.parse(Files.readString(p, StandardCharsets.UTF_8), "https://example.edu/"));
        }
        return docs;
    }
}
