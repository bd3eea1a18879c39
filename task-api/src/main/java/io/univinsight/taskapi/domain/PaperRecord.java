package io.univinsight.taskapi.domain;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read view of papers. */
@Entity
@Immutable
@Table(name = "papers")
public class PaperRecord extends PanacheEntityBase {
    @Id
    public Long id;
    public String title;
    public String authors;
    @Column(name = "published_year")
    public Integer year;
    public String venue;
    public String doi;
    public String url;
}
