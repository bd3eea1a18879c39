package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BibTeX entries embedded in a page (the "bibtex" toggles of academic site themes, a {@code <pre>} per paper):
 * the most exact statement of a paper a page holds, so its fields are taken as written.
 */
final class BibTex {
    private static final Pattern ENTRY_START = Pattern.compile("@(\\w+)\\s*\\{\\s*[^,\\s]*\\s*,");
    private static final Pattern FIELD = Pattern.compile("(?s)\\s*([A-Za-z_-]+)\\s*=\\s*");
    private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\[a-zA-Z]+\\s*|\\\\.|[{}]");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+");

    /** One entry's fields, names lower-cased, values with braces and LaTeX accents removed. */
    record Entry(String type, Map<String, String> fields) {
        String get(String name) {
            return fields.get(name);
        }
    }

    private BibTex() {
    }

    /** True when the text may hold an entry (cheap test before {@link #entries}). */
    static boolean mayHold(String text) {
        return text.indexOf('@') >= 0 && text.indexOf('=') >= 0 && ENTRY_START.matcher(text).find();
    }

    static List<Entry> entries(String text) {
        List<Entry> out = new ArrayList<>();
        Matcher start = ENTRY_START.matcher(text);
        int from = 0;
        while (start.find(from)) {
            Map<String, String> fields = new LinkedHashMap<>();
            int i = start.end();
            Matcher f = FIELD.matcher(text);
            while (i < text.length() && f.find(i) && f.start() == i) {
                int[] end = new int[1];
                String value = value(text, f.end(), end);
                if (value == null) {
                    break;
                }
                fields.put(f.group(1).toLowerCase(Locale.ROOT), clean(value));
                i = end[0];
                while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                    i++;
                }
            }
            if (!fields.isEmpty()) {
                out.add(new Entry(start.group(1).toLowerCase(Locale.ROOT), fields));
            }
            from = Math.max(i, start.end());
        }
        return out;
    }

    /** A braced, quoted or bare value starting at {@code at}; {@code end[0]} is set past it. */
    private static String value(String text, int at, int[] end) {
        if (at >= text.length()) {
            return null;
        }
        char c = text.charAt(at);
        if (c == '{' || c == '"') {
            char close = c == '{' ? '}' : '"';
            int depth = 0;
            for (int i = at + 1; i < text.length(); i++) {
                char x = text.charAt(i);
                if (x == '{') {
                    depth++;
                } else if (x == '}' && depth > 0) {
                    depth--;
                } else if (x == close && depth == 0) {
                    end[0] = i + 1;
                    return text.substring(at + 1, i);
                }
            }
            return null;
        }
        int i = at;
        while (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '}' && text.charAt(i) != '\n') {
            i++;
        }
        end[0] = i;
        return text.substring(at, i).trim();
    }

    private static String clean(String value) {
        return Text.clean(LATEX_COMMAND.matcher(value.replace("\\&", "&")).replaceAll(""));
    }

    /** "Doe, Jane and Roe, R." as written, one name per author. */
    static List<String> authors(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String a : AND.split(field)) {
            String t = Text.clean(a);
            if (!t.isEmpty() && !t.equalsIgnoreCase("others")) {
                out.add(t);
            }
        }
        return out;
    }

    /** The entry as a paper record, or null when it has no title. */
    static ExtractedPaper toPaper(Entry e, String extractor, String evidence, String url) {
        String title = e.get("title");
        if (title == null || title.length() < 4) {
            return null;
        }
        Integer year = e.get("year") == null ? null : Citations.year(e.get("year"));
        String venue = firstOf(e, "journal", "booktitle", "publisher", "school", "institution", "howpublished");
        String doi = e.get("doi") == null ? null : Citations.doi(e.get("doi"));
        double confidence = 0.8 + (doi != null ? 0.1 : 0);
        return new ExtractedPaper(title, authors(e.get("author")), year, venue, doi,
                url != null ? url : doi != null ? "https://doi.org/" + doi : e.get("url"), Math.min(0.9, confidence),
                extractor, evidence);
    }

    private static String firstOf(Entry e, String... names) {
        for (String n : names) {
            String v = e.get(n);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
