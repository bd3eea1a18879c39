package io.univinsight.extraction;

import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What several extractors ask about the same page, worked out once per page: its heading {@link Outline},
 * the text of its elements, which elements are page chrome. The pipeline shares one index among its
 * extractors (see {@link #sharedFor}); they read the page and never change it, so answers stay valid.
 * Only elements of the page itself are asked about here, never detached copies.
 */
final class PageIndex {
    /** The page being extracted on this thread (see {@link #sharedFor}). */
    private static final ThreadLocal<PageIndex> SHARED = new ThreadLocal<>();

    private final Document doc;
    private Outline outline;
    private final Map<Element, String> texts = new IdentityHashMap<>();
    private final Map<Element, Boolean> chrome = new IdentityHashMap<>();

    private PageIndex(Document doc) {
        this.doc = doc;
    }

    /** Ends the sharing started by {@link #sharedFor}. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The index the pipeline shares for this page, or a fresh one when an extractor runs on its own. */
    static PageIndex of(Document doc) {
        PageIndex shared = SHARED.get();
        return shared != null && shared.doc == doc ? shared : new PageIndex(doc);
    }

    /** Lets every {@link #of} call for {@code doc} on this thread return one index until {@link Scope#close}. */
    static Scope sharedFor(Document doc) {
        PageIndex previous = SHARED.get();
        SHARED.set(new PageIndex(doc));
        return () -> {
            if (previous == null) {
                SHARED.remove();
            } else {
                SHARED.set(previous);
            }
        };
    }

    Outline outline() {
        if (outline == null) {
            outline = new Outline(doc);
        }
        return outline;
    }

    /** {@code el.text()}, remembered: directory blocks and citation candidates are the same elements, asked several times. */
    String text(Element el) {
        String text = texts.get(el);
        if (text == null) {
            text = el.text();
            texts.put(el, text);
        }
        return text;
    }

    /** {@link Layout#inChrome(Element)}, remembered for the element and its ancestors. */
    boolean inChrome(Element el) {
        return Layout.inChrome(el, chrome);
    }
}
