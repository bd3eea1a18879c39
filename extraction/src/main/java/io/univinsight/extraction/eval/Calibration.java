package io.univinsight.extraction.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Buckets a score (0-100) and compares the mean score in each bucket with the precision measured
 * there: a well calibrated score of 80 means about 80% of what it vouches for is right.
 */
public final class Calibration {
    private static final int[] EDGES = {0, 50, 70, 80, 90, 95, 101};

    /** @param precision share of extracted records that were right in this bucket */
    public record Bucket(String range, int pages, int records, double meanScore, double precision) {
    }

    private Calibration() {
    }

    /** Per page: the result's accuracyScore against the share of its records that were right. */
    public static List<Bucket> ofPages(List<PageOutcome> outcomes) {
        List<Bucket> out = new ArrayList<>();
        for (int b = 0; b + 1 < EDGES.length; b++) {
            int lo = EDGES[b];
            int hi = EDGES[b + 1];
            int pages = 0;
            int records = 0;
            int right = 0;
            double scoreSum = 0;
            for (PageOutcome o : outcomes) {
                if (o.records().isEmpty() || o.accuracyScore() < lo || o.accuracyScore() >= hi) {
                    continue;
                }
                pages++;
                scoreSum += o.accuracyScore();
                records += o.records().size();
                right += (int) o.records().stream().filter(PageOutcome.ScoredRecord::correct).count();
            }
            if (pages > 0) {
                out.add(new Bucket(lo + "-" + (hi - 1), pages, records, scoreSum / pages, (double) right / records));
            }
        }
        return out;
    }

    /** Per record: confidence x 100 against whether the record was right. */
    public static List<Bucket> ofRecords(List<PageOutcome> outcomes) {
        Map<Integer, double[]> acc = new LinkedHashMap<>(); // bucket -> {count, right, scoreSum}
        for (PageOutcome o : outcomes) {
            for (PageOutcome.ScoredRecord r : o.records()) {
                int score = (int) Math.round(r.confidence() * 100);
                int b = 0;
                while (b + 2 < EDGES.length && score >= EDGES[b + 1]) {
                    b++;
                }
                double[] a = acc.computeIfAbsent(b, k -> new double[3]);
                a[0]++;
                a[1] += r.correct() ? 1 : 0;
                a[2] += score;
            }
        }
        List<Bucket> out = new ArrayList<>();
        for (int b = 0; b + 1 < EDGES.length; b++) {
            double[] a = acc.get(b);
            if (a != null) {
                out.add(new Bucket(EDGES[b] + "-" + (EDGES[b + 1] - 1), 0, (int) a[0], a[2] / a[0], a[1] / a[0]));
            }
        }
        return out;
    }
}
