package io.univinsight.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keys that make one person (or one paper) one row: case, accents, punctuation, spacing,
 * honorifics and name order removed. "Kim Min-jun", "MIN-JUN KIM" and "Minjun Kim" share a
 * key; Hangul names keep their syllables, family name first ("김민준", "김 민준", "민준 김" and
 * "김민준 교수" match). Called for every professor and paper of every batch, so the common
 * ASCII case avoids regular expressions and Unicode normalisation.
 */
public final class NameKeys {
    private static final Set<String> HONORIFICS = Set.of("prof", "professor", "dr", "mr", "mrs", "ms", "phd",
            "emeritus", "assoc", "asst", "교수", "교수님", "박사", "님");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameKeys() {
    }

    public static String personKey(String name) {
        List<String> tokens = new ArrayList<>(nameTokens(fold(name)));
        tokens.removeIf(HONORIFICS::contains);
        if (tokens.isEmpty()) {
            return "";
        }
        if (tokens.stream().anyMatch(NameKeys::hasHangul)) {
            // Korean order is family name then given name; a one-syllable family name written last moves first.
            if (tokens.size() == 2 && tokens.get(1).length() == 1 && tokens.get(0).length() > 1) {
                return tokens.get(1) + tokens.get(0);
            }
            return String.join("", tokens);
        }
        // Western and romanised Korean orders differ ("Kim Minjun", "Minjun Kim"): order tokens alphabetically.
        String[] sorted = tokens.toArray(String[]::new);
        Arrays.sort(sorted);
        return String.join(" ", sorted);
    }

    /**
     * The title's runs of letters and digits, folded, one space between runs: what joining its tokens gives, built in
     * one pass (every paper of every page and every stored paper a batch touches is keyed).
     */
    public static String titleKey(String title) {
        String s = fold(title);
        // Into an array as long as the title (a space is only written for a character left out), not a StringBuilder:
        // every paper of every page gets a key, and the builder's checks on each character cost more than the loop.
        char[] key = new char[s.length()];
        int length = 0;
        boolean gap = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (gap && length > 0) {
                    key[length++] = ' ';
                }
                gap = false;
                key[length++] = c;
            } else {
                gap = true;
            }
        }
        return new String(key, 0, length);
    }

    /** Lower case without accents; Hangul syllables stay whole. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (isAscii(lower)) {
            return lower;
        }
        // Decompose to drop accents, then compose again so Hangul syllables stay whole.
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
        return Normalizer.normalize(bare, Normalizer.Form.NFC);
    }

    /**
     * A name's runs of letters and digits; everything else separates, but a hyphen or apostrophe
     * between letters joins them ("Min-jun" = "Minjun", "O'Brien" = "OBrien") and a dot ends a token.
     */
    private static List<String> nameTokens(String s) {
        List<String> out = new ArrayList<>(4);
        StringBuilder token = new StringBuilder();
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                token.append(c);
            } else if ((c == '-' || c == '\'' || c == '\u2019' || c == '\u2010') && token.length() > 0
                    && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
                continue;
            } else if (token.length() > 0) {
                out.add(token.toString());
                token.setLength(0);
            }
        }
        if (token.length() > 0) {
            out.add(token.toString());
        }
        return out;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasHangul(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xAC00 && c <= 0xD7A3) {
                return true;
            }
        }
        return false;
    }
}
