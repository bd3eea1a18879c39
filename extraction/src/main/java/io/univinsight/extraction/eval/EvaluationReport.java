package io.univinsight.extraction.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.univinsight.extraction.Json;

/**
 * Scores of a whole run, always split into real pages and pages we wrote, the real pages again into the two
 * {@link SiteHalves}, with rows per language and per page kind; as a table or as JSON.
 */
public final class EvaluationReport {
    public static final String REAL = "real";
    public static final String REAL_TUNING = "real-A";
    public static final String REAL_HELD_OUT = "real-B";
    public static final String WRITTEN = "written";
    static final List<String> GROUPS = List.of(REAL, REAL_TUNING, REAL_HELD_OUT, WRITTEN);
    private static final List<String> BREAKDOWN_FIELDS = List.of(Scoreboard.NAME, Scoreboard.RANK, Scoreboard.EMAIL,
            Scoreboard.PAPER, Scoreboard.OVERALL);

    private final List<PageOutcome> outcomes;

    EvaluationReport(List<PageOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public List<PageOutcome> outcomes() {
        return outcomes;
    }

    /** Pages of one group: {@link #REAL}, {@link #REAL_TUNING}, {@link #REAL_HELD_OUT} or {@link #WRITTEN}. */
    public List<PageOutcome> pages(String group) {
        return outcomes.stream().filter(o -> inGroup(o.page(), group)).toList();
    }

    private static boolean inGroup(LabelledPage page, String group) {
        return switch (group) {
            case REAL -> !page.written();
            case REAL_TUNING -> !page.written() && SiteHalves.of(page).equals(SiteHalves.TUNING);
            case REAL_HELD_OUT -> !page.written() && SiteHalves.of(page).equals(SiteHalves.HELD_OUT);
            case WRITTEN -> page.written();
            default -> throw new IllegalArgumentException("no page group " + group);
        };
    }

    public Scoreboard scores(String group) {
        return sum(pages(group));
    }

    private static Scoreboard sum(List<PageOutcome> pages) {
        Scoreboard total = new Scoreboard();
        pages.forEach(o -> total.add(o.scores()));
        return total;
    }

    /** Scores of a group's pages per value of one page property (language or kind), in name order. */
    public Map<String, Scoreboard> breakdown(String group, Function<LabelledPage, String> property) {
        Map<String, List<PageOutcome>> byValue = new TreeMap<>();
        for (PageOutcome o : pages(group)) {
            String value = property.apply(o.page());
            byValue.computeIfAbsent(value == null ? "?" : value, k -> new ArrayList<>()).add(o);
        }
        Map<String, Scoreboard> out = new LinkedHashMap<>();
        byValue.forEach((value, pages) -> out.put(value + " (" + pages.size() + ")", sum(pages)));
        return out;
    }

    public String toTable(boolean withMistakes) {
        StringBuilder sb = new StringBuilder();
        for (String group : GROUPS) {
            List<PageOutcome> pages = pages(group);
            if (pages.isEmpty()) {
                continue;
            }
            sb.append(String.format("%n== %s pages: %d%s ==%n", group, pages.size(), caption(group)));
            sb.append(String.format("%-30s %6s %6s %6s %9s %9s %7s%n", "field", "tp", "fp", "fn", "precision", "recall", "f1"));
            scores(group).rows().forEach((field, s) -> {
                if (!s.isEmpty()) {
                    sb.append(String.format("%-30s %6d %6d %6d %9s %9s %7s%n", field, s.truePositives(), s.falsePositives(),
                            s.falseNegatives(), Textual.ratio(s.precision()), Textual.ratio(s.recall()), Textual.ratio(s.f1())));
                }
            });
            appendBreakdown(sb, "language", breakdown(group, LabelledPage::language));
            appendBreakdown(sb, "kind", breakdown(group, LabelledPage::kind));
            if (group.equals(REAL_TUNING) || group.equals(REAL_HELD_OUT)) {
                continue; // calibration and mistakes are given once for all real pages
            }
            sb.append(String.format("%naccuracyScore calibration (%s pages): score bucket, pages, records, mean score, measured precision%n", group));
            for (Calibration.Bucket b : Calibration.ofPages(pages)) {
                sb.append(String.format("  %-8s %5d %7d %8.1f %9s%n", b.range(), b.pages(), b.records(), b.meanScore(),
                        Textual.ratio(b.precision())));
            }
            sb.append(String.format("record confidence calibration (%s pages): confidence x100 bucket, records, mean, measured precision%n", group));
            for (Calibration.Bucket b : Calibration.ofRecords(pages)) {
                sb.append(String.format("  %-8s %7d %8.1f %9s%n", b.range(), b.records(), b.meanScore(), Textual.ratio(b.precision())));
            }
            if (withMistakes) {
                for (PageOutcome o : pages) {
                    if (!o.mistakes().isEmpty()) {
                        sb.append(String.format("%n-- %s%s (%d mistakes)%n", o.page().source(),
                                o.page().written() ? "" : " [half " + SiteHalves.of(o.page()) + "]", o.mistakes().size()));
                        o.mistakes().forEach(m -> sb.append("   ").append(m).append('\n'));
                    }
                }
            }
        }
        return sb.toString();
    }

    private static String caption(String group) {
        return switch (group) {
            case REAL_TUNING -> " (half A: the sites rules were written on)";
            case REAL_HELD_OUT -> " (half B: sites held out while writing rules)";
            default -> "";
        };
    }

    private static void appendBreakdown(StringBuilder sb, String property, Map<String, Scoreboard> rows) {
        sb.append(String.format("%nF1 by %-17s", property));
        BREAKDOWN_FIELDS.forEach(f -> sb.append(String.format(" %14s", f)));
        sb.append('\n');
        rows.forEach((value, scores) -> {
            sb.append(String.format("  %-22s", value));
            for (String f : BREAKDOWN_FIELDS) {
                FieldScore s = scores.get(f);
                sb.append(String.format(" %14s", s.isEmpty() ? "-" : Textual.ratio(s.f1())));
            }
            sb.append('\n');
        });
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String group : GROUPS) {
            List<PageOutcome> pages = pages(group);
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("pages", pages.size());
            Map<String, Object> fields = new LinkedHashMap<>();
            scores(group).rows().forEach((field, s) -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("tp", s.truePositives());
                f.put("fp", s.falsePositives());
                f.put("fn", s.falseNegatives());
                f.put("precision", round(s.precision()));
                f.put("recall", round(s.recall()));
                f.put("f1", round(s.f1()));
                fields.put(field, f);
            });
            g.put("fields", fields);
            g.put("accuracy_score_calibration", buckets(Calibration.ofPages(pages)));
            g.put("confidence_calibration", buckets(Calibration.ofRecords(pages)));
            List<Object> perPage = new ArrayList<>();
            for (PageOutcome o : pages) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("source", o.page().source());
                p.put("kind", o.page().kind());
                p.put("language", o.page().language());
                p.put("accuracy_score", o.accuracyScore());
                p.put("precision", round(o.precision()));
                p.put("mistakes", o.mistakes());
                perPage.add(p);
            }
            g.put("per_page", perPage);
            root.put(group, g);
        }
        return Json.write(root);
    }

    private static List<Object> buckets(List<Calibration.Bucket> buckets) {
        List<Object> out = new ArrayList<>();
        for (Calibration.Bucket b : buckets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("range", b.range());
            m.put("pages", b.pages());
            m.put("records", b.records());
            m.put("mean_score", round(b.meanScore()));
            m.put("precision", round(b.precision()));
            out.add(m);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
