package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.BitSet;
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

    /** Terms by their first two characters (lower case), longest first: a scan tries only the few that can start there. */
    private static final Map<Integer, List<Term>> BY_PREFIX = new HashMap<>();
    private static final char HAN_KANA_HANGUL = 0x2E80;
    private static final BitSet FIRST_CHARS = new BitSet(1 << 16);

    private record Term(String lower, String cls, boolean latin) {
    }

    static {
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String language : VocabularyFiles.lines("languages.txt")) {
            for (String line : VocabularyFiles.lines(language + ".tsv")) {
                String[] cells = line.split("\t");
                if (cells.length < 2) {
                    throw new IllegalStateException("vocabulary " + language + ": no class in '" + line + "'");
                }
                String lower = cells[0].trim().toLowerCase(Locale.ROOT);
                // Latin-script terms stand as words; Han, Kana and Hangul are written without spaces.
                boolean latin = lower.codePoints().anyMatch(c -> Character.isLetter(c) && c < HAN_KANA_HANGUL);
                terms.putIfAbsent(lower, new Term(lower, cells[1].trim(), latin)); // the first language listed wins
            }
        }
        for (Term t : terms.values()) {
            if (t.lower().length() < 2) {
                throw new IllegalStateException("vocabulary term too short: '" + t.lower() + "'");
            }
            BY_PREFIX.computeIfAbsent(prefix(t.lower().charAt(0), t.lower().charAt(1)), k -> new ArrayList<>()).add(t);
            FIRST_CHARS.set(t.lower().charAt(0));
        }
        BY_PREFIX.values().forEach(l -> l.sort(Comparator.comparingInt((Term t) -> t.lower().length()).reversed()));
    }

    private RankVocabulary() {
    }

    /** The first (and at that place the longest) vocabulary term in the line, or null. */
    static Match find(String line) {
        // Called for every short line of a page: a bit per possible first character keeps most lines to one pass.
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = Character.toLowerCase(line.charAt(i));
            if (!FIRST_CHARS.get(c) || (c < HAN_KANA_HANGUL && wordChar(line, i - 1))) {
                continue; // Latin-script terms only start a word
            }
            if (i + 1 >= n) {
                break;
            }
            List<Term> candidates = BY_PREFIX.get(prefix(c, Character.toLowerCase(line.charAt(i + 1))));
            if (candidates == null) {
                continue;
            }
            for (Term t : candidates) {
                int end = i + t.lower().length();
                if (line.regionMatches(true, i, t.lower(), 0, t.lower().length())
                        && (!t.latin() || (!wordChar(line, i - 1) && !wordChar(line, end)))) {
                    return match(i, line.substring(i, end), t.cls());
                }
            }
        }
        return null;
    }

    private static int prefix(char first, char second) {
        return (first << 16) | second;
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
}
