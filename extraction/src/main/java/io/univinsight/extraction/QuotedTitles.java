package io.univinsight.extraction;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quoted title of a citation ("“Title,” in Venue"), by the quotation marks of several languages, tried in order.
 * Each kind is defined by its pattern; the plain ones (a mark, then 2-400 characters none of which closes, then a
 * closing mark) are found by searching for the marks instead: the pattern's find() tries it at every position of the
 * text. {@code QuotedTitlesTests} compares both on written and random texts.
 */
final class QuotedTitles {
    private static final int MOST = 400;

    /**
     * One kind of quotation. {@code closing} (with {@code fewest}) says the pattern is the plain shape
     * {@code mark([^closing]{fewest,400})[closing]}; null where it is not, and only the pattern is used.
     */
    record Quote(char mark, Pattern pattern, String closing, int fewest) {
        /** The start and end of the quoted words (the pattern's group 1) of the first match, or null. */
        int[] find(String text) {
            if (text.indexOf(mark) < 0) {
                return null; // a find() over the whole text for nothing, most citations being unquoted
            }
            if (closing == null) {
                Matcher m = pattern.matcher(text);
                return m.find() ? new int[] {m.start(1), m.end(1)} : null;
            }
            NextIndex[] closings = NextIndex.eachOf(text, closing);
            for (int open = text.indexOf(mark); open >= 0; open = text.indexOf(mark, open + 1)) {
                int close = NextIndex.first(closings, open + 1);
                if (close < 0) {
                    return null; // no later mark has a closing one after it either
                }
                // The pattern counts code points; more than 400 fail as fewer than fewest do (the next is no closing mark).
                int length = Character.codePointCount(text, open + 1, close);
                if (length >= fewest && length <= MOST) {
                    return new int[] {open + 1, close};
                }
            }
            return null;
        }
    }

    static final Quote[] QUOTES = {
            new Quote('“', Pattern.compile("“([^”]{4,400})”"), "”", 4),
            new Quote('"', Pattern.compile("\"([^\"]{4,400})\""), "\"", 4),
            new Quote('„', Pattern.compile("„([^“”]{4,400})[“”]"), "“”", 4),
            new Quote('«', Pattern.compile("«\\s*([^»]{4,400}?)\\s*»"), null, 0),
            new Quote('「', Pattern.compile("「([^」]{2,400})」"), "」", 2),
            new Quote('『', Pattern.compile("『([^』]{2,400})』"), "』", 2),
            new Quote('‘', Pattern.compile("(?:^|\\s)‘([^’]{8,400})’(?=[\\s,.]|$)"), null, 0),
    };

    private QuotedTitles() {
    }

    /** The start and end of the quoted words of the first kind of {@link #QUOTES} found in the text, or null. */
    static int[] first(String text) {
        for (Quote q : QUOTES) {
            int[] found = q.find(text);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
