package io.univinsight.persistence.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "crawl_tasks")
public class CrawlTaskEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    public String url;
    @Column(name = "university_name")
    public String universityName;
    public String department;
    public String status;
    public String priority;
    @Column(name = "max_depth")
    public Integer maxDepth;
    @Column(name = "max_pages")
    public Integer maxPages;
    public int attempt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "status_at")
    public Instant statusAt;
    @Column(name = "retry_count")
    public int retryCount;
    @Column(name = "max_retries")
    public int maxRetries = 3;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "worker_id")
    public String workerId;
}
