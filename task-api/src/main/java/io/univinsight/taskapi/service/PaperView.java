package io.univinsight.taskapi.service;

import io.univinsight.schema.PaperRecord;

/** What the API shows of a paper (the merge's bookkeeping columns stay inside). */
public record PaperView(Long id, String title, String authors, Integer year, String venue, String doi, String url) {

    public static PaperView of(PaperRecord p) {
        return new PaperView(p.id, p.title, p.authors, p.year, p.venue, p.doi, p.url);
    }
}
