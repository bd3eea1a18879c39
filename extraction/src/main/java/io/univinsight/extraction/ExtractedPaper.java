package io.univinsight.extraction;

import java.util.List;

/**
 * One publication as extraction sees it on one page (or merged from several): the extraction
 * layer's type; the crawler sends it on as {@code CrawlResult.Paper}.
 *
 * @param authors    author names as printed, in order (never {@code null})
 * @param year       publication year, or {@code null}
 * @param doi        bare DOI ("10.1234/abc"), or {@code null}
 * @param url        absolute link to the paper (its own link, else https://doi.org/&lt;doi&gt;), or {@code null}
 * @param confidence 0..1
 */
public record ExtractedPaper(String title, List<String> authors, Integer year, String venue,
                             String doi, String url, double confidence, String extractor, String evidence) {
    public ExtractedPaper {
        authors = authors == null ? List.of() : List.copyOf(authors);
        confidence = Math.round(Math.max(0.0, Math.min(1.0, confidence)) * 100) / 100.0; // 2 decimals
    }
}
