package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One object of a script's data read as a paper, by the shapes of its values: a title (a phrase of a few words
 * that is no name, address or link), a year or a DOI, and authors (a list of names) or a DOI.
 */
final class ScriptPapers {
    private static final Pattern LINK = Pattern.compile("(?i)^(?:https?:|www\\.|/|\\.\\./)");
    private static final int MIN_TITLE_WORDS = 3;
    private static final int MAX_TITLE_WORDS = 40;

    private ScriptPapers() {
    }

    static ExtractedPaper paper(Map<?, ?> object, String extractor, String where) {
        String title = null;
        Integer year = null;
        String doi = null;
        List<String> authors = new ArrayList<>();
        String venue = null;
        for (Object value : object.values()) {
            if (value instanceof Number n && year == null && n.doubleValue() == Math.rint(n.doubleValue())) {
                year = Citations.year(String.valueOf(n.intValue()));
            } else if (value instanceof List<?> list && authors.isEmpty()) {
                authors = names(list);
            } else if (value instanceof String raw) {
                String v = Text.clean(raw);
                String d = Citations.doi(v);
                if (doi == null && d != null && v.length() <= d.length() + 24) {
                    doi = d;
                } else if (year == null && v.length() <= 10 && Citations.year(v) != null) {
                    year = Citations.year(v); // "2021", "2021-05-01"
                } else if (title == null && isTitle(v)) {
                    title = v;
                } else if (venue == null && title != null && v.length() <= 120 && !LINK.matcher(v).find()
                        && PersonNames.extract(v) == null && v.split(" ").length <= 15) {
                    venue = v;
                }
            }
        }
        if (title == null || (year == null && doi == null) || (authors.isEmpty() && doi == null)) {
            return null;
        }
        return new ExtractedPaper(title, authors, year, venue, doi, doi == null ? null : "https://doi.org/" + doi,
                doi != null ? 0.8 : 0.7, extractor, where);
    }

    private static boolean isTitle(String v) {
        int words = v.split(" ").length;
        return words >= MIN_TITLE_WORDS && words <= MAX_TITLE_WORDS && v.length() <= 300 && !LINK.matcher(v).find()
                && v.indexOf('@') < 0 && PersonNames.extract(v) == null && !isAuthorList(v);
    }

    /** "Jane Doe, John Smith and Wei Zhang": every part a name. */
    private static boolean isAuthorList(String v) {
        List<String> parts = Citations.splitAuthors(v);
        return parts.size() >= 2 && parts.stream().allMatch(p -> PersonNames.extract(p) != null);
    }

    /** Author names of a list: strings that are names, or objects holding one. */
    private static List<String> names(List<?> list) {
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            Object v = item;
            if (item instanceof Map<?, ?> m) {
                v = m.values().stream().filter(x -> x instanceof String s && PersonNames.extract(s) != null).findFirst().orElse(null);
            }
            if (v instanceof String s && PersonNames.extract(s) != null) {
                out.add(Text.clean(s));
            }
        }
        return out.size() == list.size() || out.size() >= 2 ? out : List.of();
    }
}
