package io.univinsight.extraction;

import java.util.function.Predicate;

import org.jsoup.nodes.Element;

/**
 * An element's class names as jsoup's {@code classNames()} gives them (its trimmed class attribute split at runs of
 * {@code \s}), read in place: jsoup builds a regex split, a list and a linked set for each call, and the extractors ask
 * about every block of a page. {@code ClassNamesTests} holds the two equal.
 */
final class ClassNames {
    private ClassNames() {
    }

    /** Whether any of the element's class names passes {@code test}, tried in order up to the first that does. */
    static boolean anyMatch(Element el, Predicate<String> test) {
        String className = el.className();
        int n = className.length();
        int start = 0;
        while (start < n) {
            int end = firstEnd(className, start);
            if (end > start && test.test(className.substring(start, end))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** Where the class name starting at {@code from} ends: the next whitespace ({@link CharRuns#SPACE}) or the end. */
    static int firstEnd(String className, int from) {
        for (int i = from; i < className.length(); i++) {
            if (CharRuns.SPACE.indexOf(className.charAt(i)) >= 0) {
                return i;
            }
        }
        return className.length();
    }
}
