package io.univinsight.extraction;

/**
 * Whether a piece of a text holds what {@link Emails#deobfuscate} needs to yield an "@", each rule's own sign: the
 * sign itself ("@", "＠"); an opening bracket before "at", "arroba" or "chiocciola" in any case ({@link Emails#BRACKET_AT});
 * a shouted "AT" standing alone; a spoken "at" standing alone in a piece that also says "dot". Prose has many a lone
 * "at" and mostly no "dot", so most lines and most of a page's text fail. The signs are found by {@link NextIndex},
 * so a page's whole text is searched once per sign, not walked character by character for each piece.
 */
final class EmailSigns {
    /** The words {@link Emails#BRACKET_AT} reads as "@" between brackets. */
    private static final String[] BRACKETED_AT_WORDS = {"at", "arroba", "chiocciola"};

    private final String text;
    private final NextIndex at;
    private final NextIndex fullWidthAt;
    private final NextIndex[] brackets;
    private final NextIndex shoutedAt;
    private final NextIndex spokenAt;
    private final NextIndex dot;

    EmailSigns(String text) {
        this.text = text;
        at = new NextIndex(text, "@");
        fullWidthAt = new NextIndex(text, "＠");
        brackets = NextIndex.eachOf(text, Emails.OPENING_BRACKETS);
        shoutedAt = new NextIndex(text, "AT");
        spokenAt = new NextIndex(text, "at");
        dot = new NextIndex(text, "dot");
    }

    /** False only when deobfuscating text[from, to) cannot yield an "@"; pieces are asked about in text order. */
    boolean mayYieldAt(int from, int to) {
        if (at.within(from, to) || fullWidthAt.within(from, to)) {
            return true;
        }
        for (int i = NextIndex.first(brackets, from); i >= 0 && i < to; i = NextIndex.first(brackets, i + 1)) {
            if (bracketsAtWord(i + 1, to)) {
                return true;
            }
        }
        if (standingAlone(shoutedAt, from, to)) {
            return true; // WORD_AT
        }
        return standingAlone(spokenAt, from, to) && dot.within(from, to); // SPOKEN
    }

    /** Whether an occurrence of the two-letter word in [from, to) stands alone: spaces, brackets or the piece's edges around it. */
    private boolean standingAlone(NextIndex word, int from, int to) {
        for (int i = word.at(from); i >= 0 && i + 2 <= to; i = word.at(i + 1)) {
            if ((i == from || atBoundary(text.charAt(i - 1), Emails.OPENING_BRACKETS)) && (i + 2 == to || atBoundary(text.charAt(i + 2), "])}>"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether "at", "arroba" or "chiocciola" (any case) starts at {@code from} after whitespace that clean() makes spaces. */
    private boolean bracketsAtWord(int from, int to) {
        int i = from;
        while (i < to && Text.isCleanedSpace(text.charAt(i))) { // \s, and the spaces clean() makes of no-break ones
            i++;
        }
        for (String word : BRACKETED_AT_WORDS) {
            if (i + word.length() <= to && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean atBoundary(char c, String brackets) {
        return c <= ' ' || c == '\u00a0' || c == '\u3000' || Character.isWhitespace(c) || brackets.indexOf(c) >= 0;
    }
}
