package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of a text that {@link Emails#inText} reads: runs between {@link #isBreak} characters that hold a
 * sign some address or obfuscation needs. No address, no obfuscation rule and no look-around or word boundary
 * of theirs takes in a break character or reaches across one (at a piece's edge, a break and the start or end
 * of the text both count as a non-word character), so an address lies within one piece and reads there as in
 * the whole text, and a piece without any sign holds none. The signs are found with {@link String#indexOf},
 * so a page's whole text, where few pieces hold one, is not walked character by character.
 */
final class EmailPieces {
    /**
     * What {@link Emails#deobfuscate} needs to yield an "@": the sign itself, full width or not, the Spanish and
     * Italian words, or "at" in any case standing alone (checked in {@link #standsAlone}).
     */
    private static final String[] SIGNS = {"@", "＠", "rroba", "hiocciola", "at", "At", "aT", "AT"};
    private static final int FIRST_AT = 4;

    private EmailPieces() {
    }

    /** The pieces {@code {from, to}} of text that hold a sign, in order. */
    static List<int[]> of(String text) {
        List<int[]> out = new ArrayList<>();
        int[] next = new int[SIGNS.length];
        for (int k = 0; k < SIGNS.length; k++) {
            next[k] = find(text, k, 0);
        }
        int n = text.length();
        int readFrom = 0;
        while (true) {
            int sign = -1;
            for (int k = 0; k < SIGNS.length; k++) {
                if (next[k] >= 0 && next[k] < readFrom) {
                    next[k] = find(text, k, readFrom); // in a piece already taken: the next one after it
                }
                if (next[k] >= 0 && (sign < 0 || next[k] < sign)) {
                    sign = next[k];
                }
            }
            if (sign < 0) {
                return out;
            }
            int from = sign;
            while (from > readFrom && !isBreak(text.charAt(from - 1))) {
                from--;
            }
            int to = sign;
            while (to < n && !isBreak(text.charAt(to))) {
                to++;
            }
            out.add(new int[] {from, to});
            readFrom = to + 1;
        }
    }

    /**
     * Punctuation outside every character set of the email rules (address characters, spaces, brackets, "@" and
     * its full-width form) and no word character: commas, quotes, colons and the like, common in prose.
     */
    static boolean isBreak(char c) {
        return c < ASCII_BREAKS.length ? ASCII_BREAKS[c]
                : c == '“' || c == '”' || c == '‘' || c == '’' || c == '·' || c == '•';
    }

    /** The ASCII breaks as a table: a piece is found by walking its characters, mostly letters and spaces. */
    private static final boolean[] ASCII_BREAKS = new boolean[128];

    static {
        for (char c : ",;:\"'!?|/=".toCharArray()) {
            ASCII_BREAKS[c] = true;
        }
    }

    private static int find(String text, int k, int from) {
        for (int i = text.indexOf(SIGNS[k], from); i >= 0; i = text.indexOf(SIGNS[k], i + 1)) {
            if (k < FIRST_AT || standsAlone(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * "at" with no letter or digit on either side: looser than the spaces or brackets {@link Emails} asks for (a
     * break before or after counts as a piece's edge there), so no piece that could hold an address is missed.
     */
    private static boolean standsAlone(String text, int i) {
        return (i == 0 || !isAsciiLetterOrDigit(text.charAt(i - 1)))
                && (i + 2 == text.length() || !isAsciiLetterOrDigit(text.charAt(i + 2)));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
