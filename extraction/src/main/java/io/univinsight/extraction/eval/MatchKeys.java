package io.univinsight.extraction.eval;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The corpus matching rules (corpus README), as comparison keys. */
final class MatchKeys {
    private static final Set<String> HONORIFICS = Set.of("dr", "prof", "professor", "mr", "mrs", "ms", "miss", "phd", "md");

    private MatchKeys() {
    }

    /** Case- and accent-insensitive, punctuation and honorifics removed, tokens unordered. */
    static String name(String name) {
        if (name == null) {
            return "";
        }
        return Arrays.stream(plain(name).split(" "))
                .filter(t -> !t.isEmpty() && !HONORIFICS.contains(t))
                .sorted()
                .collect(Collectors.joining(" "));
    }

    static List<String> authors(List<String> authors) {
        return authors.stream().map(MatchKeys::name).toList();
    }

    /** Case-insensitive, punctuation removed. */
    static String title(String title) {
        return title == null ? "" : plain(title);
    }

    static String doi(String doi) {
        return doi == null ? null : doi.trim().toLowerCase(Locale.ROOT);
    }

    /** Absolute, percent-decoded, without fragment or trailing slash, so "href as in the page" meets "abs:href". */
    static String url(String base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String abs = href.trim();
        try {
            abs = URI.create(base.replace(" ", "%20")).resolve(abs.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            // keep as written
        }
        try {
            abs = URLDecoder.decode(abs.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep undecoded
        }
        int hash = abs.indexOf('#');
        if (hash >= 0) {
            abs = abs.substring(0, hash);
        }
        abs = abs.replaceFirst("^https?://", "//");
        return abs.endsWith("/") ? abs.substring(0, abs.length() - 1) : abs;
    }

    private static String plain(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }
}
