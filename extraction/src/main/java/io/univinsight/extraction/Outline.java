package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The heading outline of a page: for every element, the headings (h1..h6) it sits under.
 * Lets extractors ask "is this list under a 'Publications' heading?" even when year sub-headings
 * ("2024", "2023") come in between.
 */
final class Outline {
    private static final int MAX_TEXT_HEADINGS = 4;
    static final GuardedPattern HEADING_CLASS = new GuardedPattern(
            "(?i)(?:^|[\\s_-])(?:heading|header)(?:$|[\\s_-])|section[-_]?title", // not "title": a card's "person-title" is no heading
            "head", "section");
    /** Per position of {@link #positions}, the headings in force there. */
    private final List<String>[] active;
    private final ElementPositions positions;

    /** @param positions the page's elements in document order ({@code doc.getAllElements()}), by position */
    @SuppressWarnings("unchecked") // an array of lists: a generic array cannot be created otherwise
    Outline(ElementPositions positions) {
        this.positions = positions;
        active = (List<String>[]) new List<?>[positions.size()];
        int at = 0;
        String[] stack = new String[7];
        List<String> textHeadings = new ArrayList<>();
        List<String> current = List.of();
        for (Element el : positions.inDocumentOrder()) {
            int level = headingLevel(el);
            String textHeading = level > 0 ? null : textHeading(el);
            if (level > 0) {
                stack[level] = Text.clean(PageIndex.textOf(el));
                for (int i = level + 1; i < stack.length; i++) {
                    stack[i] = null;
                }
                textHeadings.clear();
                current = headings(stack, textHeadings);
            } else if (textHeading != null
                    && (textHeadings.isEmpty() || !textHeadings.get(textHeadings.size() - 1).equals(textHeading))) {
                // (a <p> and the <b> that is its whole text are one heading)
                textHeadings.add(textHeading);
                if (textHeadings.size() > MAX_TEXT_HEADINGS) {
                    textHeadings.remove(0);
                }
                current = headings(stack, textHeadings);
            }
            active[at++] = current;
        }
    }

    private static List<String> headings(String[] stack, List<String> textHeadings) {
        List<String> next = new ArrayList<>();
        for (int i = 1; i < stack.length; i++) {
            if (stack[i] != null) {
                next.add(stack[i]);
            }
        }
        next.addAll(textHeadings);
        return List.copyOf(next);
    }

    /**
     * Old and hand-made pages mark sections with a bold line or a span classed as a heading instead of an
     * h-tag ("<p><b>Selected Bibliography</b></p>"): a short block whose whole text is such markup, and is no
     * person's name, counts as a heading below the real ones, until the next real heading.
     */
    private static String textHeading(Element el) {
        String tag = el.normalName();
        boolean inline = tag.equals("strong") || tag.equals("b") || tag.equals("span");
        if (!inline && !tag.equals("p") && !tag.equals("div") && !tag.equals("dt")) {
            return null;
        }
        // Cheap shape tests first (this runs on every element of a page): a heading is a tiny subtree.
        if (el.childNodeSize() > 3 || elementChildren(el) > 1) {
            return null;
        }
        Element marked;
        if (inline) {
            // Bold inside running text is emphasis; only bold that is its parent's whole content heads a section.
            Element parent = el.parent();
            if (parent == null || parent.childNodeSize() > 3 || elementChildren(parent) != 1
                    || !(tag.equals("span") ? HEADING_CLASS.find(el.className()) : true)) {
                return null;
            }
            marked = el;
        } else if (HEADING_CLASS.find(el.className())) {
            marked = el;
        } else {
            if (elementChildren(el) != 1) {
                return null;
            }
            Element only = el.child(0);
            boolean bold = only.normalName().equals("b") || only.normalName().equals("strong")
                    || HEADING_CLASS.find(only.className())
                    || only.attr("style").replace(" ", "").contains("font-weight:bold");
            if (!bold || only.childNodeSize() > 3) {
                return null;
            }
            marked = only;
        }
        String text = Text.clean(PageIndex.textOf(marked));
        if (text.length() < 3 || text.length() > 60 || (marked != el && Text.clean(PageIndex.textOf(el)).length() != text.length())) {
            return null;
        }
        if (text.split(" ").length > 6 || text.endsWith(".") || PersonNames.extract(text) != null) {
            return null;
        }
        return text;
    }

    /** The page's outline, shared by the extractors of one pipeline run (see {@link PageIndex}). */
    static Outline of(Document doc) {
        return PageIndex.of(doc).outline();
    }

    /** Headings in force at this element, outermost first (a heading counts as under itself). */
    List<String> headingsFor(Element el) {
        int at = positions.indexOf(el);
        return at < 0 ? List.of() : active[at];
    }

    /** {@code el.childrenSize()} for a node of at most a few children, without jsoup building its child list. */
    private static int elementChildren(Element el) {
        int count = 0;
        for (int i = 0, n = el.childNodeSize(); i < n; i++) {
            if (el.childNode(i) instanceof Element) {
                count++;
            }
        }
        return count;
    }

    static int headingLevel(Element el) {
        String tag = el.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }
}
