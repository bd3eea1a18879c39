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

    /** The page being extracted on this thread, whose outline the extractors share (see {@link #sharedFor}). */
    private static final ThreadLocal<Shared> SHARED = new ThreadLocal<>();

    /** Ends the sharing started by {@link #sharedFor}. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Shared {
        final Document doc;
        Outline outline;

        Shared(Document doc) {
            this.doc = doc;
        }
    }

    static Outline of(Document doc) {
        Shared shared = SHARED.get();
        if (shared == null || shared.doc != doc) {
            return new Outline(doc);
        }
        if (shared.outline == null) {
            shared.outline = new Outline(doc);
        }
        return shared.outline;
    }

    /**
     * Lets every {@link #of} call for {@code doc} on this thread return one outline until {@link Scope#close}:
     * the pipeline brackets its extractors with it (they read the page, never change it).
     */
    static Scope sharedFor(Document doc) {
        Shared previous = SHARED.get();
        SHARED.set(new Shared(doc));
        return () -> {
            if (previous == null) {
                SHARED.remove();
            } else {
                SHARED.set(previous);
            }
        };
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
