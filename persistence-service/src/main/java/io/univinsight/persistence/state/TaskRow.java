package io.univinsight.persistence.state;

import java.time.Instant;
import java.util.UUID;

import io.univinsight.events.RenderMode;

/** A crawl_tasks row as the writers see it; {@code stored} is false until it is in the table. */
public final class TaskRow {
    public UUID id;
    public String url;
    public String universityName;
    public String department;
    public String status;
    public String priority;
    public Integer maxDepth;
    public Integer maxPages;
    /** The render mode's wire name (auto, always, never). */
    public String render = RenderMode.AUTO.wireName();
    public int attempt;
    public Instant createdAt;
    public Instant startedAt;
    public Instant completedAt;
    public Instant statusAt;
    public int retryCount;
    public int maxRetries = 3;
    public String lastError;
    public Instant lastErrorAt;
    public String workerId;
    public boolean stored;
    /** Whether crawl_results holds this task's result (a COMPLETED status waits for it). */
    public boolean hasResult;
}
