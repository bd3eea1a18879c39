package io.univinsight.schema;

import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of papers: one paper, found by DOI or else by normalized title and year. */
@Entity
@Immutable
@Table(name = "papers")
public class PaperRecord extends PanacheEntityBase {
    @Id
    public Long id;
    public String title;
    @Column(name = "normalized_title")
    public String normalizedTitle;
    /** Authors joined by "; " in page order. */
    public String authors;
    @Column(name = "published_year")
    public Integer year;
    public String venue;
    public String doi;
    public String url;
    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
