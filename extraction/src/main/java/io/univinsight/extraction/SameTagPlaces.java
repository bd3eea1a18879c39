package io.univinsight.extraction;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

import org.jsoup.nodes.Element;

/**
 * Where each element child of a parent stands among its siblings of the same tag: {@code {index (1-based), count}},
 * what {@link Evidence}'s {@code :nth-of-type()} needs. Worked out for all children in one pass, so the page index can
 * remember it for a whole list instead of every item counting its siblings again.
 */
final class SameTagPlaces {
    private SameTagPlaces() {
    }

    static Map<Element, int[]> of(Element parent) {
        Map<Element, int[]> places = new IdentityHashMap<>();
        Map<String, int[]> counts = new HashMap<>(); // per tag: one shared {count} array the places point back to
        for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
            if (parent.childNode(i) instanceof Element child) {
                int[] count = counts.computeIfAbsent(child.normalName(), t -> new int[1]);
                count[0]++;
                places.put(child, new int[] {count[0], 0});
            }
        }
        places.forEach((child, place) -> place[1] = counts.get(child.normalName())[0]);
        return places;
    }
}
