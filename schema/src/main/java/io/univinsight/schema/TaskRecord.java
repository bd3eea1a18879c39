package io.univinsight.schema;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.univinsight.events.TaskStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of crawl_tasks: one submitted task and where it stands. */
@Entity
@Immutable
@Table(name = "crawl_tasks")
public class TaskRecord extends PanacheEntityBase {
    @Id
    public UUID id;
    public String url;
    @Column(name = "university_name")
    public String universityName;
    public String department;
    @Enumerated(EnumType.STRING)
    public TaskStatus status;
    /** The priority's wire name (critical, high, normal, low). */
    public String priority;
    /** The render mode's wire name (auto, always, never). */
    public String render;
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
    public int maxRetries;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "last_error_at")
    public Instant lastErrorAt;
    @Column(name = "worker_id")
    public String workerId;
}
