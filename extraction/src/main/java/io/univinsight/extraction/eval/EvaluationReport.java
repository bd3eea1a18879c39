package io.univinsight.extraction.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.univinsight.extraction.Json;

/** Scores of a whole run, always split into real pages and pages we wrote, as a table or as JSON. */
public final class EvaluationReport {
    public static final String REAL = "real";
    public static final String WRITTEN = "written";

    private final List<PageOutcome> outcomes;

    EvaluationReport(List<PageOutcome> outcomes) {
        this.outcomes = List.copyOf(outcomes);
    }

    public List<PageOutcome> outcomes() {
        return outcomes;
    }

    /** Pages of one group: {@link #REAL} or {@link #WRITTEN}. */
    public List<PageOutcome> pages(String group) {
        boolean written = WRITTEN.equals(group);
        return outcomes.stream().filter(o -> o.page().written() == written).toList();
    }

    public Scoreboard scores(String group) {
        Scoreboard total = new Scoreboard();
        pages(group).forEach(o -> total.add(o.scores()));
        return total;
    }

    public String toTable(boolean withMistakes) {
        StringBuilder sb = new StringBuilder();
        for (String group : List.of(REAL, WRITTEN)) {
            List<PageOutcome> pages = pages(group);
            if (pages.isEmpty()) {
                continue;
            }
            sb.append(String.format("%n== %s pages: %d ==%n", group, pages.size()));
            sb.append(String.format("%-30s %6s %6s %6s %9s %9s %7s%n", "field", "tp", "fp", "fn", "precision", "recall", "f1"));
            scores(group).rows().forEach((field, s) -> {
                if (!s.isEmpty()) {
                    sb.append(String.format("%-30s %6d %6d %6d %9s %9s %7s%n", field, s.truePositives(), s.falsePositives(),
                            s.falseNegatives(), Textual.ratio(s.precision()), Textual.ratio(s.recall()), Textual.ratio(s.f1())));
                }
            });
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
                        sb.append(String.format("%n-- %s (%d mistakes)%n", o.page().source(), o.mistakes().size()));
                        o.mistakes().forEach(m -> sb.append("   ").append(m).append('\n'));
                    }
                }
            }
        }
        return sb.toString();
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (String group : List.of(REAL, WRITTEN)) {
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
