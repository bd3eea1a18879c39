package io.univinsight.extraction;

import org.jsoup.nodes.Element;

/** Builds short, human-readable locators like {@code ul.people > li.person:nth-of-type(3)}. */
final class Evidence {
    private static final int LEVELS = 3;

    private Evidence() {
    }

    static String of(Element el) {
        // The steps from el up, then written out from the top: every paper and card gets one, so no list, reverse or join.
        Element[] steps = new Element[LEVELS];
        String[] ids = new String[LEVELS];
        int count = 0;
        for (Element e = el; count < LEVELS && e != null && !e.normalName().equals("body") && !e.normalName().equals("#root");
             e = e.parent()) {
            String id = e.id();
            steps[count] = e;
            ids[count] = id;
            count++;
            if (!id.isEmpty()) {
                break; // an id is specific enough; stop climbing
            }
        }
        StringBuilder sb = new StringBuilder(24 * count);
        for (int i = count - 1; i >= 0; i--) {
            appendStep(sb, steps[i], ids[i]);
            if (i > 0) {
                sb.append(" > ");
            }
        }
        return sb.toString();
    }

    private static void appendStep(StringBuilder sb, Element e, String id) {
        sb.append(e.normalName());
        if (!id.isEmpty()) {
            sb.append('#').append(id);
            return;
        }
        String className = e.className();
        if (!className.isEmpty()) {
            sb.append('.').append(className, 0, ClassNames.firstEnd(className, 0)); // the first of classNames()
        }
        if (e.parent() != null) {
            int[] place = PageIndex.sameTagPlace(e); // {index, count}: remembered per parent for the page's lists
            if (place[1] > 1) {
                sb.append(":nth-of-type(").append(place[0]).append(')');
            }
        }
    }
}
