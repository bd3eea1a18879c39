package io.univinsight.schema;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of crawl_results: what one completed task found. */
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
    /** Pages of the task answered 304 or with unchanged content, taken from the last visit. */
    @Column(name = "cache_hits")
    public int cacheHits;
    /** The bytes those pages had last time and did not cost this time. */
    @Column(name = "bytes_saved")
    public long bytesSaved;
    /** Pages of the task loaded in the headless browser. */
    @Column(name = "pages_rendered")
    public int pagesRendered;
    /** Why the task found no professor (CrawlResult.EMPTY_REASONS); null when it found some. */
    @Column(name = "empty_reason")
    public String emptyReason;
    @Column(name = "accuracy_score")
    public Integer accuracyScore;
    @Column(name = "extraction_method")
    public String extractionMethod;
    @Column(name = "created_at")
    public Instant createdAt;
}
