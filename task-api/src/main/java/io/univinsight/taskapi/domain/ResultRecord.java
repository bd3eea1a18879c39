package io.univinsight.taskapi.domain;

import java.util.UUID;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Read view of crawl_results. */
@Entity
@Immutable
@Table(name = "crawl_results")
public class ResultRecord extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "professors_count")
    public int professorsCount;
    @Column(name = "papers_count")
    public int papersCount;
    @Column(name = "pages_fetched")
    public int pagesFetched;
}
