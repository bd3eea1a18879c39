package io.univinsight.extraction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rank and role words of the languages listed in {@code vocabulary/languages.txt}, one data file per language
 * (see the README beside them), so a language is added without touching code. English and Korean keep their
 * rules in {@link AcademicTitles} and {@link RankNames}; this covers the rest.
 */
final class RankVocabulary {
    /** What a term says about the person it is attached to. */
    enum Use { RANK, FACULTY, EXCLUDE }

    /** One matched term: where it starts in the line, the term as written in the line, and its class. */
    record Match(int start, String text, Use use, String rank) {
    }

    private static final String FOLDER = "vocabulary/";
    /** Terms by their first character (lower case), longest first: a scan tries only the few that can start there. */
    private static final Map<Character, List<Term>> BY_FIRST_CHAR = new HashMap<>();

    private record Term(String lower, String cls, boolean latin) {
    }

    static {
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String language : resourceLines(FOLDER + "languages.txt")) {
            for (String line : resourceLines(FOLDER + language + ".tsv")) {
                String[] cells = line.split("\t");
                if (cells.length < 2) {
                    throw new IllegalStateException("vocabulary " + language + ": no class in '" + line + "'");
                }
                String lower = cells[0].trim().toLowerCase(Locale.ROOT);
                // Latin-script terms stand as words; Han, Kana and Hangul are written without spaces.
                boolean latin = lower.codePoints().anyMatch(c -> Character.isLetter(c) && c < 0x2E80);
                terms.putIfAbsent(lower, new Term(lower, cells[1].trim(), latin)); // the first language listed wins
            }
        }
        for (Term t : terms.values()) {
            BY_FIRST_CHAR.computeIfAbsent(t.lower().charAt(0), k -> new ArrayList<>()).add(t);
        }
        BY_FIRST_CHAR.values().forEach(l -> l.sort(Comparator.comparingInt((Term t) -> t.lower().length()).reversed()));
    }

    private RankVocabulary() {
    }

    /** The first (and at that place the longest) vocabulary term in the line, or null. */
    static Match find(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            List<Term> candidates = BY_FIRST_CHAR.get(lower.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (Term t : candidates) {
                int end = i + t.lower().length();
                if (lower.startsWith(t.lower(), i) && (!t.latin() || (!wordChar(lower, i - 1) && !wordChar(lower, end)))) {
                    return match(i, line.substring(i, Math.min(end, line.length())), t.cls());
                }
            }
        }
        return null;
    }

    private static boolean wordChar(String s, int at) {
        return at >= 0 && at < s.length() && Character.isLetterOrDigit(s.charAt(at));
    }

    private static Match match(int start, String text, String cls) {
        Use use = switch (cls) {
            case "exclude" -> Use.EXCLUDE;
            case "faculty" -> Use.FACULTY;
            default -> Use.RANK;
        };
        String rank = switch (use) {
            case EXCLUDE -> "staff";
            case FACULTY -> "other";
            case RANK -> cls;
        };
        return new Match(start, text, use, rank);
    }

    private static List<String> resourceLines(String name) {
        List<String> out = new ArrayList<>();
        try (InputStream in = RankVocabulary.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing vocabulary resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary " + name, e);
        }
        return out;
    }
}
