package io.univinsight.extraction;

/**
 * Where a string next occurs in a text, asked at positions that only grow (piece after piece, match after match):
 * each search is String.indexOf, vectorised, and resumes where the last one ended, so a text is searched once per
 * sought string however many pieces it is asked about.
 */
final class NextIndex {
    private final String text;
    private final String sought;
    /** The last answer: an occurrence at or after the last position asked, -1 when there is none, -2 before the first search. */
    private int found = -2;

    NextIndex(String text, String sought) {
        this.text = text;
        this.sought = sought;
    }

    /** The first occurrence at or after {@code from} ({@code from} no less than at the previous call), or -1. */
    int at(int from) {
        if (found == -2 || (found >= 0 && found < from)) {
            found = text.indexOf(sought, from);
        }
        return found;
    }

    /** Whether the sought string starts somewhere in [from, to). */
    boolean within(int from, int to) {
        int i = at(from);
        return i >= 0 && i < to;
    }

    /** One per character of {@code chars}, each sought on its own in text (for {@link #first}). */
    static NextIndex[] eachOf(String text, String chars) {
        NextIndex[] all = new NextIndex[chars.length()];
        for (int i = 0; i < all.length; i++) {
            all[i] = new NextIndex(text, String.valueOf(chars.charAt(i)));
        }
        return all;
    }

    /** The first of several sought strings at or after {@code from}, or -1. */
    static int first(NextIndex[] all, int from) {
        int first = -1;
        for (NextIndex next : all) {
            int i = next.at(from);
            if (i >= 0 && (first < 0 || i < first)) {
                first = i;
            }
        }
        return first;
    }
}
