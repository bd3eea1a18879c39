package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jsoup.nodes.Element;

/** Builds short, human-readable locators like {@code ul.people > li.person:nth-of-type(3)}. */
final class Evidence {
    private static final int LEVELS = 3;

    private Evidence() {
    }

    static String of(Element el) {
        List<String> parts = new ArrayList<>();
        Element e = el;
        for (int i = 0; i < LEVELS && e != null && !e.normalName().equals("body") && !e.normalName().equals("#root"); i++) {
            parts.add(step(e));
            if (!e.id().isEmpty()) {
                break; // an id is specific enough; stop climbing
            }
            e = e.parent();
        }
        Collections.reverse(parts);
        return String.join(" > ", parts);
    }

    private static String step(Element e) {
        StringBuilder sb = new StringBuilder(e.normalName());
        if (!e.id().isEmpty()) {
            return sb.append('#').append(e.id()).toString();
        }
        String className = e.className();
        if (!className.isEmpty()) {
            sb.append('.').append(firstClass(className));
        }
        if (e.parent() != null) {
            int[] place = PageIndex.sameTagPlace(e); // {index, count}: remembered per parent for the page's lists
            if (place[1] > 1) {
                sb.append(":nth-of-type(").append(place[0]).append(')');
            }
        }
        return sb.toString();
    }

    /** {@code e.classNames().iterator().next()} for a non-empty (trimmed) class attribute, without building the set. */
    private static String firstClass(String className) {
        for (int i = 0; i < className.length(); i++) {
            if (CharRuns.SPACE.indexOf(className.charAt(i)) >= 0) {
                return className.substring(0, i);
            }
        }
        return className;
    }
}
