package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * A 0-100 estimate of how much of one page's result is right, from the evidence each record carries:
 * the extractor's confidence, agreement of several extractors on the same record, and how complete
 * the record is. Calibrated on the corpus (see the evaluation command), where a page scored S had
 * roughly S% of its records right.
 */
final class AccuracyScore {
    private AccuracyScore() {
    }

    static int of(ExtractionResult result) {
        List<Double> scores = new ArrayList<>();
        for (ExtractedProfessor p : result.professors()) {
            double s = p.confidence();
            s += p.extractor().contains("+") ? 0.05 : 0; // two independent readings agree
            s += p.title() != null && p.email() != null ? 0.03 : 0;
            scores.add(s);
        }
        for (ExtractedPaper p : result.papers()) {
            double s = p.confidence();
            s += p.extractor().contains("+") ? 0.05 : 0;
            s += !p.authors().isEmpty() && p.year() != null && p.venue() != null ? 0.03 : 0;
            scores.add(s);
        }
        if (scores.isEmpty()) {
            return 0;
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return (int) Math.round(Math.max(0, Math.min(1, mean)) * 100);
    }
}
