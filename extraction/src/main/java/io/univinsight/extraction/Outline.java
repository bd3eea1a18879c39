package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The heading outline of a page: for every element, the headings (h1..h6) it sits under.
 * Lets extractors ask "is this list under a 'Publications' heading?" even when year sub-headings
 * ("2024", "2023") come in between.
 */
final class Outline {
    private final Map<Element, List<String>> active = new IdentityHashMap<>();

    private Outline(Document doc) {
        String[] stack = new String[7];
        List<String> current = List.of();
        for (Element el : doc.getAllElements()) {
            int level = headingLevel(el);
            if (level > 0) {
                stack[level] = Text.clean(el.text());
                for (int i = level + 1; i < stack.length; i++) {
                    stack[i] = null;
                }
                List<String> next = new ArrayList<>();
                for (int i = 1; i < stack.length; i++) {
                    if (stack[i] != null) {
                        next.add(stack[i]);
                    }
                }
                current = List.copyOf(next);
            }
            active.put(el, current);
        }
    }

    static Outline of(Document doc) {
        return new Outline(doc);
    }

    /** Headings in force at this element, outermost first (a heading counts as under itself). */
    List<String> headingsFor(Element el) {
        return active.getOrDefault(el, List.of());
    }

    static int headingLevel(Element el) {
        String tag = el.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }
}
