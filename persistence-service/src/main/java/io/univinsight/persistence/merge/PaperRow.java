package io.univinsight.persistence.merge;

import java.time.Instant;
import java.util.Objects;

import io.univinsight.identity.NameKeys;

/**
 * A papers row, or one sighting of a paper in a result (id null). Merging is commutative and
 * associative like {@link ProfessorRow}: the DOI is kept once known, the year is the latest
 * known, and each descriptive field is its newest non-empty value.
 */
public final class PaperRow {
    public Long id;
    public String doi;
    public Integer year;
    public Sighting title;
    public Sighting authors;
    public Sighting venue;
    public Sighting url;
    public Instant firstSeenAt;
    public Instant updatedAt;
    /** The newest sighting's time (first_seen_at is the earliest). */
    public Instant lastSeenAt;

    /** The title {@link #titleKey} was computed from: normalising is the costly part of merging, so it is done once per title. */
    private Sighting titleKeyOf;
    private String titleKey;

    public String normalizedTitle() {
        if (titleKey == null || titleKeyOf != title) {
            titleKey = NameKeys.titleKey(Sighting.valueOf(title));
            titleKeyOf = title;
        }
        return titleKey;
    }

    /** "title key|year": identity of a paper without DOI. */
    public String titleYearKey() {
        return normalizedTitle() + "|" + (year == null ? "" : year);
    }

    public PaperRow mergedWith(PaperRow other) {
        PaperRow m = new PaperRow();
        m.doi = doi == null ? other.doi : other.doi == null || doi.compareTo(other.doi) <= 0 ? doi : other.doi;
        m.year = year == null ? other.year : other.year == null ? year : Integer.valueOf(Math.max(year, other.year));
        m.title = Sighting.newest(title, other.title);
        PaperRow keySource = m.title == title ? this : other;
        m.titleKeyOf = keySource.titleKeyOf;
        m.titleKey = keySource.titleKey;
        m.authors = Sighting.newest(authors, other.authors);
        m.venue = Sighting.newest(venue, other.venue);
        m.url = Sighting.newest(url, other.url);
        m.firstSeenAt = ProfessorRow.compare(firstSeenAt, other.firstSeenAt) <= 0 ? firstSeenAt : other.firstSeenAt;
        m.updatedAt = ProfessorRow.compare(updatedAt, other.updatedAt) >= 0 ? updatedAt : other.updatedAt;
        m.lastSeenAt = ProfessorRow.compare(lastSeenAt, other.lastSeenAt) >= 0 ? lastSeenAt : other.lastSeenAt;
        return m;
    }

    public boolean differsFrom(PaperRow stored) {
        return !Objects.equals(doi, stored.doi) || !Objects.equals(year, stored.year) || !Objects.equals(title, stored.title)
                || !Objects.equals(authors, stored.authors) || !Objects.equals(venue, stored.venue)
                || !Objects.equals(url, stored.url) || !Objects.equals(firstSeenAt, stored.firstSeenAt)
                || !Objects.equals(updatedAt, stored.updatedAt)
                || !Objects.equals(lastSeenAt, stored.lastSeenAt);
    }
}
