package io.univinsight.extraction;

import java.util.List;

import org.jsoup.nodes.Element;

/**
 * Each element of a page and its position in document order, looked up by identity: what an
 * {@code IdentityHashMap<Element, Integer>} would answer, without a boxed Integer per element or a resize while it
 * fills. The page index asks it for every element an extractor touches, so it is kept to one int array.
 */
final class ElementPositions {
    private final List<Element> elements;
    /** Open addressing by identity hash: position + 1 per used slot, 0 for a free one; at most half full. */
    private final int[] slots;
    private final int shift;

    /** @param inDocumentOrder the page's elements, each once (kept, not copied: nobody changes it afterwards) */
    ElementPositions(List<Element> inDocumentOrder) {
        elements = inDocumentOrder;
        int bits = Math.max(2, 33 - Integer.numberOfLeadingZeros(elements.size())); // 2^bits >= 2 * size
        slots = new int[1 << bits];
        shift = 32 - bits;
        int mask = slots.length - 1;
        for (int i = 0; i < elements.size(); i++) {
            int slot = slotOf(elements.get(i));
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    /** The element's position in document order, or -1 when it is not an element of this page (a detached copy). */
    int indexOf(Element el) {
        if (el == null) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = slotOf(el), used; (used = slots[slot]) != 0; slot = (slot + 1) & mask) {
            if (elements.get(used - 1) == el) {
                return used - 1;
            }
        }
        return -1;
    }

    /** The page's elements in document order: element {@code i} stands at position {@code i}. */
    List<Element> inDocumentOrder() {
        return elements;
    }

    int size() {
        return elements.size();
    }

    /** Fibonacci hashing: spreads the identity hash over the table's high bits. */
    private int slotOf(Element el) {
        return (System.identityHashCode(el) * 0x9E3779B9) >>> shift;
    }
}
