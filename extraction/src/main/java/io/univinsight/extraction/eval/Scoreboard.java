package io.univinsight.extraction.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores per field, summed over pages; the "overall" rows are micro-averages of their fields. */
public final class Scoreboard {
    public static final String NAME = "faculty.name";
    public static final String RANK = "faculty.rank";
    public static final String EMAIL = "faculty.email";
    public static final String EMAIL_FORM_PREFIX = "faculty.email.";
    public static final String PROFILE = "faculty.profile_url";
    public static final String PAPER = "paper.title";
    public static final String AUTHORS = "paper.authors";
    public static final String YEAR = "paper.year";
    public static final String VENUE = "paper.venue";
    public static final String DOI = "paper.doi";
    public static final String LINKS = "navigation.faculty_links";
    public static final String OVERALL_FACULTY = "overall.faculty";
    public static final String OVERALL_PAPERS = "overall.papers";
    public static final String OVERALL = "overall";

    static final List<String> FACULTY_FIELDS = List.of(NAME, RANK, EMAIL, PROFILE);
    static final List<String> PAPER_FIELDS = List.of(PAPER, AUTHORS, YEAR, VENUE, DOI);
    private static final List<String> ORDER = List.of(NAME, RANK, EMAIL, EMAIL_FORM_PREFIX + "mailto",
            EMAIL_FORM_PREFIX + "text", EMAIL_FORM_PREFIX + "obfuscated_text", PROFILE, PAPER, AUTHORS, YEAR, VENUE, DOI, LINKS);

    private final Map<String, FieldScore> fields = new LinkedHashMap<>();

    public Scoreboard() {
        for (String f : ORDER) {
            fields.put(f, new FieldScore());
        }
    }

    FieldScore field(String name) {
        return fields.computeIfAbsent(name, k -> new FieldScore());
    }

    void add(Scoreboard other) {
        other.fields.forEach((k, v) -> field(k).add(v));
    }

    /** Every field plus the overall rows, in report order. */
    public Map<String, FieldScore> rows() {
        Map<String, FieldScore> out = new LinkedHashMap<>(fields);
        out.put(OVERALL_FACULTY, sum(FACULTY_FIELDS));
        out.put(OVERALL_PAPERS, sum(PAPER_FIELDS));
        FieldScore all = sum(FACULTY_FIELDS);
        all.add(sum(PAPER_FIELDS));
        all.add(field(LINKS));
        out.put(OVERALL, all);
        return out;
    }

    public FieldScore get(String row) {
        return rows().get(row);
    }

    private FieldScore sum(List<String> names) {
        FieldScore s = new FieldScore();
        names.forEach(n -> s.add(field(n)));
        return s;
    }
}
