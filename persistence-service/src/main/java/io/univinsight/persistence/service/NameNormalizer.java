package io.univinsight.persistence.service;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Keys that make one person (or one paper) one row: case, accents, punctuation, spacing
 * and name order removed. "Kim Min-jun", "MIN-JUN KIM" and "Minjun Kim" share a key;
 * Hangul names keep their syllables ("김민준" and "김 민준" match).
 */
public final class NameNormalizer {
    private static final java.util.regex.Pattern HONORIFICS = java.util.regex.Pattern.compile(
            "\\b(prof|professor|dr|mr|mrs|ms|phd|ph\\.d)\\b\\.?", java.util.regex.Pattern.CASE_INSENSITIVE);

    private NameNormalizer() {
    }

    public static String personKey(String name) {
        String plain = stripAccents(HONORIFICS.matcher(name == null ? "" : name).replaceAll(" ")).toLowerCase(Locale.ROOT);
        // Hyphenated given names ("Min-jun") are one token.
        plain = plain.replaceAll("(\\p{L})-(\\p{L})", "$1$2");
        String[] tokens = plain.replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" ");
        if (plain.codePoints().anyMatch(NameNormalizer::isHangul)) {
            return String.join("", tokens);
        }
        return Arrays.stream(tokens).filter(t -> !t.isEmpty()).sorted().collect(Collectors.joining(" "));
    }

    public static String titleKey(String title) {
        return stripAccents(title == null ? "" : title).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static String stripAccents(String s) {
        // Decompose to drop accents, then compose again so Hangul syllables stay whole.
        String bare = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return Normalizer.normalize(bare, Normalizer.Form.NFC);
    }

    private static boolean isHangul(int cp) {
        return cp >= 0xAC00 && cp <= 0xD7A3;
    }
}
