package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** The parent's element children in order, and each one's place. */
    record Places(List<Element> children, List<int[]> places) {
        /** The place of one of the children, or null for an element that is not one of them. */
        int[] of(Element child) {
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i) == child) {
                    return places.get(i);
                }
            }
            return null;
        }
    }

    static Places of(Element parent) {
        List<Element> children = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        Map<String, int[]> counts = new HashMap<>(); // per tag: how many so far, then in all
        for (int i = 0, n = parent.childNodeSize(); i < n; i++) {
            if (parent.childNode(i) instanceof Element child) {
                int[] count = counts.computeIfAbsent(child.normalName(), t -> new int[1]);
                count[0]++;
                children.add(child);
                places.add(new int[] {count[0], 0});
            }
        }
        for (int i = 0; i < children.size(); i++) {
            places.get(i)[1] = counts.get(children.get(i).normalName())[0];
        }
        return new Places(children, places);
    }
}
