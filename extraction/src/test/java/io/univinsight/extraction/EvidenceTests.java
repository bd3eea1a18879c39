package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Every element of every corpus page gets the locator its definition gives, with the page index shared or not. */
class EvidenceTests {

    @Test
    void locatorsAreTheStepsUpFromTheElementWrittenFromTheTop() throws IOException {
        int checked = 0;
        for (Path page : CorpusPages.all()) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "https://example.edu/");
            List<Element> all = doc.getAllElements();
            for (Element el : all) {
                assertEquals(byDefinition(el), Evidence.of(el), () -> page + ": " + el.cssSelector());
            }
            try (PageIndex.Scope ignored = PageIndex.sharedFor(doc)) {
                for (int i = all.size() - 1; i >= 0; i--) { // last first: a list's later items asked before its first
                    Element el = all.get(i);
                    assertEquals(byDefinition(el), Evidence.of(el), () -> page + ": " + el.cssSelector());
                }
            }
            checked += all.size();
        }
        assertTrue(checked > 10_000, "elements checked: " + checked);
    }

    @Test
    void anIdEndsTheClimbAndSameTagSiblingsAreNumbered() {
        Document doc = Jsoup.parse("<div id=main><ul class='people  list'><li>a</li><li class=' x y'>b</li><p>c</p></ul></div>");
        assertEquals("div#main > ul.people > li.x:nth-of-type(2)", Evidence.of(doc.select("li").get(1)));
        assertEquals("div#main > ul.people > p", Evidence.of(doc.selectFirst("p")));
        assertEquals("div#main", Evidence.of(doc.selectFirst("div")));
    }

    /** Up to three steps from the element, stopping at body or at an element with an id: tag, #id or .first-class, place. */
    private static String byDefinition(Element el) {
        List<String> steps = new ArrayList<>();
        Element e = el;
        for (int i = 0; i < 3 && e != null && !e.normalName().equals("body") && !e.normalName().equals("#root"); i++) {
            if (!e.id().isEmpty()) {
                steps.add(e.normalName() + "#" + e.id());
                break;
            }
            String step = e.normalName() + (e.className().isEmpty() ? "" : "." + e.classNames().iterator().next());
            if (e.parent() != null) {
                String tag = e.normalName();
                List<Element> sameTag = e.parent().children().stream().filter(c -> c.normalName().equals(tag)).toList();
                int index = 0;
                while (sameTag.get(index) != e) {
                    index++;
                }
                step += sameTag.size() > 1 ? ":nth-of-type(" + (index + 1) + ")" : "";
            }
            steps.add(step);
            e = e.parent();
        }
        Collections.reverse(steps);
        return String.join(" > ", steps);
    }
}
