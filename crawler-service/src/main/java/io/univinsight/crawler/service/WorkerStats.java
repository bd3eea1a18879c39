package io.univinsight.crawler.service;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.univinsight.events.WorkerHeartbeat;

/** Counters of this worker for its heartbeat: done, failed, busy time, what runs now. */
public class WorkerStats {
    private final String workerId;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong busyMs = new AtomicLong();
    private final Map<String, Instant> running = new ConcurrentHashMap<>();

    public WorkerStats(String workerId) {
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    public void started(String taskId) {
        running.put(taskId, Instant.now());
    }

    public void finished(String taskId, boolean success) {
        Instant since = running.remove(taskId);
        if (since != null) {
            busyMs.addAndGet(java.time.Duration.between(since, Instant.now()).toMillis());
        }
        (success ? completed : failed).incrementAndGet();
    }

    /** Ends a task that will run again (retry, hand-back): busy time counts, no outcome yet. */
    public void released(String taskId) {
        Instant since = running.remove(taskId);
        if (since != null) {
            busyMs.addAndGet(java.time.Duration.between(since, Instant.now()).toMillis());
        }
    }

    public WorkerHeartbeat heartbeat() {
        Map.Entry<String, Instant> oldest = running.entrySet().stream().min(Map.Entry.comparingByValue()).orElse(null);
        return new WorkerHeartbeat(WorkerHeartbeat.SCHEMA_VERSION, workerId, completed.get(), failed.get(), busyMs.get(),
                running.size(), oldest == null ? null : oldest.getKey(), oldest == null ? null : oldest.getValue(), Instant.now());
    }
}
