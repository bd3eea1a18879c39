package io.univinsight.extraction.eval;

import java.util.List;

/**
 * How the pipeline did on one page.
 *
 * @param mistakes     human-readable misses and spurious records, for finding what to fix
 * @param records      every extracted record with its confidence and whether it was right, for calibration
 * @param accuracyScore the result's own {@code accuracyScore()}, to compare with {@code precision()}
 */
public record PageOutcome(LabelledPage page, Scoreboard scores, List<String> mistakes, List<ScoredRecord> records,
                          int accuracyScore) {

    /** @param correct a professor matched to a faculty member, or a paper matched by title */
    public record ScoredRecord(String kind, double confidence, boolean correct) {
    }

    /** Share of extracted records that were right; 1.0 when nothing was extracted. */
    public double precision() {
        if (records.isEmpty()) {
            return 1.0;
        }
        return records.stream().filter(ScoredRecord::correct).count() / (double) records.size();
    }
}
