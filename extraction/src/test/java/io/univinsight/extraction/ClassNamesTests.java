package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The class names read in place are jsoup's classNames(), in its order, for odd attributes and every corpus element. */
class ClassNamesTests {
    /** Letters, every kind of whitespace jsoup's split knows, and some it does not (no-break space, U+2028, controls). */
    private static final String SOME = "ab-_ \t\n\u000B\f\r\u00a0\u2028\u0001\u001f";

    @Test
    void randomClassAttributes() {
        Random r = new Random(3);
        Element el = new Element("div");
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(10); n > 0; n--) {
                sb.append(SOME.charAt(r.nextInt(SOME.length())));
            }
            el.attr("class", sb.toString());
            assertSame(el, () -> sb.toString().replace("\n", "\\n"));
        }
    }

    @Test
    void everyCorpusElement() throws IOException {
        int checked = 0;
        for (Path page : CorpusPages.all()) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "https://example.edu/");
            for (Element el : doc.getAllElements()) {
                assertSame(el, () -> page + ": " + el.cssSelector());
                checked++;
            }
        }
        assertTrue(checked > 10_000, "elements checked: " + checked);
    }

    @Test
    void stopsAtTheFirstMatch() {
        Element el = new Element("div").attr("class", " card  person-card card ");
        List<String> asked = new ArrayList<>();
        assertTrue(ClassNames.anyMatch(el, c -> asked.add(c) && c.startsWith("person")));
        assertEquals(List.of("card", "person-card"), asked);
        assertFalse(ClassNames.anyMatch(new Element("div"), c -> true));
    }

    /** Every name is tested, in jsoup's order (repeats are tested again: only whether one matches counts). */
    private static void assertSame(Element el, java.util.function.Supplier<String> where) {
        List<String> asked = new ArrayList<>();
        assertFalse(ClassNames.anyMatch(el, c -> !asked.add(c)));
        assertEquals(List.copyOf(el.classNames()), asked.stream().distinct().toList(), where);
        String className = el.className();
        String first = className.isEmpty() ? "" : className.substring(0, ClassNames.firstEnd(className, 0));
        assertEquals(el.classNames().stream().findFirst().orElse(""), first, where);
    }
}
