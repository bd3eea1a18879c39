package io.univinsight.extraction;

import java.util.List;

/**
 * Output of one extractor or of a whole pipeline.
 *
 * @param extractorsApplied names of the extractors that ran and produced at least one record
 */
public record ExtractionResult(List<ExtractedProfessor> professors, List<ExtractedPaper> papers,
                               List<String> extractorsApplied) {
    public ExtractionResult {
        professors = professors == null ? List.of() : List.copyOf(professors);
        papers = papers == null ? List.of() : List.copyOf(papers);
        extractorsApplied = extractorsApplied == null ? List.of() : List.copyOf(extractorsApplied);
    }

    /**
     * How much of this result is likely right, 0-100 (0 when nothing was found), from the records'
     * confidence, agreement between extractors and completeness. Meant for {@code CrawlResult.accuracyScore}.
     */
    public int accuracyScore() {
        return AccuracyScore.of(this);
    }

    /** A single extractor's result: it only counts as "applied" when it found something. */
    static ExtractionResult from(String extractor, List<ExtractedProfessor> professors, List<ExtractedPaper> papers) {
        boolean found = !professors.isEmpty() || !papers.isEmpty();
        return new ExtractionResult(professors, papers, found ? List.of(extractor) : List.of());
    }
}
