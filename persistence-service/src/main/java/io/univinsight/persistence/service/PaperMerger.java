package io.univinsight.persistence.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import io.univinsight.events.CrawlResult;
import io.univinsight.persistence.domain.PaperEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** One row per paper: by DOI where present, otherwise by normalised title and year. */
@ApplicationScoped
public class PaperMerger {

    public PaperEntity merge(CrawlResult.Paper p, Instant at) {
        if (p.title() == null || p.title().isBlank()) {
            return null;
        }
        String doi = p.doi() == null || p.doi().isBlank() ? null : p.doi().trim().toLowerCase(Locale.ROOT);
        String key = NameNormalizer.titleKey(p.title());
        PaperEntity row = null;
        if (doi != null) {
            row = PaperEntity.find("doi", doi).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        }
        if (row == null) {
            row = (p.year() == null
                    ? PaperEntity.find("normalizedTitle = ?1 and publishedYear is null", key)
                    : PaperEntity.find("normalizedTitle = ?1 and publishedYear = ?2", key, p.year()))
                    .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
            if (row != null && row.doi != null && doi != null && !row.doi.equals(doi)) {
                row = null; // same title and year, different DOI: another paper
            }
        }
        boolean created = row == null;
        if (created) {
            row = new PaperEntity();
            row.title = p.title().trim();
            row.normalizedTitle = key;
            row.firstSeenAt = at;
            row.updatedAt = at;
        }
        boolean changed = false;
        changed |= !Objects.equals(row.doi, row.doi = ProfessorMerger.prefer(row.doi, doi));
        String authors = p.authors() == null || p.authors().isEmpty() ? null : String.join("; ", p.authors());
        changed |= !Objects.equals(row.authors, row.authors = ProfessorMerger.prefer(row.authors, authors));
        if (p.year() != null && !p.year().equals(row.publishedYear)) {
            row.publishedYear = p.year();
            changed = true;
        }
        changed |= !Objects.equals(row.venue, row.venue = ProfessorMerger.prefer(row.venue, p.venue()));
        changed |= !Objects.equals(row.url, row.url = ProfessorMerger.prefer(row.url, p.url()));
        if (created) {
            row.persist();
        } else if (changed && at.isAfter(row.updatedAt)) {
            row.updatedAt = at;
        }
        return row;
    }
}
