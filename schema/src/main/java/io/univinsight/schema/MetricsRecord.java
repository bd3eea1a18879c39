package io.univinsight.schema;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of crawl_metrics: how one task's crawl went (kept for persistence.retention.metrics). */
@Entity
@Immutable
@Table(name = "crawl_metrics")
public class MetricsRecord extends PanacheEntityBase {
    @Id
    public Long id;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "total_time_ms")
    public long totalTimeMs;
    @Column(name = "fetch_time_ms")
    public long fetchTimeMs;
    @Column(name = "parse_time_ms")
    public long parseTimeMs;
    @Column(name = "bytes_fetched")
    public long bytesFetched;
    @Column(name = "pages_fetched")
    public int pagesFetched;
    @Column(name = "http_errors")
    public int httpErrors;
    @Column(name = "cache_hit")
    public boolean cacheHit;
    @Column(name = "js_rendering_time_ms")
    public long jsRenderingTimeMs;
    /** Some page of the task was loaded in the headless browser. */
    public boolean rendered;
    @Column(name = "created_at")
    public Instant createdAt;
}
