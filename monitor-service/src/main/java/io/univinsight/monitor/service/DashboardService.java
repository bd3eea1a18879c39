package io.univinsight.monitor.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jboss.logging.Logger;

import io.univinsight.events.TaskStatus;
import io.univinsight.events.WorkerHeartbeat;
import io.univinsight.monitor.streams.DurationStats;
import io.univinsight.monitor.streams.HourStats;
import io.univinsight.monitor.streams.MetricsTopology;
import io.univinsight.monitor.streams.UniversityStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads the topology's state stores and the queue lag into one dashboard snapshot. */
@ApplicationScoped
public class DashboardService {
    private static final Logger LOG = Logger.getLogger(DashboardService.class);
    public static final Duration WORKER_SILENCE = Duration.ofSeconds(15);

    @Inject
    KafkaStreams streams;
    @Inject
    QueueLag queueLag;

    public Map<String, Object> snapshot() {
        Instant now = Instant.now();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s.name().toLowerCase(java.util.Locale.ROOT), 0L);
        }
        forEach(MetricsTopology.TASKS_BY_STATUS, (String k, Long v) -> byStatus.put(k.toLowerCase(java.util.Locale.ROOT), v));
        long completed = byStatus.get("completed");
        long failed = byStatus.get("failed");
        long finished = completed + failed;
        double successRate = finished == 0 ? 1.0 : (double) completed / finished;
        DurationStats durations = keyValue(MetricsTopology.DURATIONS, "all", DurationStats.empty());

        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("total_tasks", byStatus.values().stream().mapToLong(Long::longValue).sum());
        byStatus.forEach(metrics::put);
        metrics.put("success_rate", round(successRate));
        metrics.put("avg_processing_ms", Math.round(durations.averageMs()));
        metrics.put("p50_processing_ms", durations.percentileMs(0.50));
        metrics.put("p95_processing_ms", durations.percentileMs(0.95));

        List<Map<String, Object>> universities = new ArrayList<>();
        Map<String, Long> tasksByUniversity = new LinkedHashMap<>();
        forEach(MetricsTopology.TASKS_BY_UNIVERSITY, (String k, Long v) -> tasksByUniversity.put(k, v));
        long professors = 0;
        long papers = 0;
        Map<String, UniversityStats> uniStats = new LinkedHashMap<>();
        forEach(MetricsTopology.UNIVERSITIES, (String k, UniversityStats v) -> uniStats.put(k, v));
        for (var e : uniStats.entrySet()) {
            professors += e.getValue().professors();
            papers += e.getValue().papers();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("university", e.getKey());
            row.put("tasks", tasksByUniversity.getOrDefault(e.getKey(), 0L));
            row.put("results", e.getValue().results());
            row.put("professors", e.getValue().professors());
            row.put("papers", e.getValue().papers());
            universities.add(row);
        }
        metrics.put("professors_found", professors);
        metrics.put("papers_found", papers);

        List<Map<String, Object>> workers = new ArrayList<>();
        forEach(MetricsTopology.WORKERS, (String id, Object value) -> {
            WorkerHeartbeat hb = value instanceof ValueAndTimestamp<?> vt ? (WorkerHeartbeat) vt.value() : (WorkerHeartbeat) value;
            if (hb != null && hb.at() != null && hb.at().isAfter(now.minus(WORKER_SILENCE))) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("worker_id", hb.workerId());
                w.put("completed", hb.completed());
                w.put("failed", hb.failed());
                w.put("busy_ms", hb.busyMs());
                w.put("in_flight", hb.inFlight());
                w.put("current_task", hb.currentTaskId());
                w.put("current_task_seconds", hb.currentTaskSince() == null ? null : Duration.between(hb.currentTaskSince(), now).toSeconds());
                w.put("last_seen", hb.at());
                workers.add(w);
            }
        });

        Map<String, Object> queue = new LinkedHashMap<>();
        boolean queueKnown = true;
        long waiting = 0;
        try {
            Map<String, Long> lag = queueLag.lagByQueue();
            queue.putAll(lag);
            waiting = lag.values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            queueKnown = false;
            LOG.debugf("queue lag unknown: %s", e.getMessage());
        }
        queue.put("total_waiting", queueKnown ? waiting : null);

        List<Map<String, Object>> hourly = new ArrayList<>();
        hourly(now).forEach(kv -> {
            HourStats h = kv.value;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("hour", Instant.ofEpochMilli(kv.key));
            row.put("tasks", h.tasks());
            row.put("successes", h.successes());
            row.put("failures", h.failures());
            row.put("avg_ms", h.tasks() == 0 ? 0 : h.totalMs() / h.tasks());
            hourly.add(row);
        });

        HealthRules.Verdict verdict = HealthRules.judge(finished, successRate, waiting, workers.size(), queueKnown);
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", verdict.status());
        health.put("reasons", verdict.reasons());
        health.put("streams_state", streams.state().name());

        Map<String, Object> dashboard = new LinkedHashMap<>();
        dashboard.put("health", health);
        dashboard.put("metrics", metrics);
        dashboard.put("workers", workers);
        dashboard.put("queue", queue);
        dashboard.put("hourly_stats", hourly);
        dashboard.put("universities", universities);
        dashboard.put("generated_at", now);
        return dashboard;
    }

    private List<KeyValue<Long, HourStats>> hourly(Instant now) {
        List<KeyValue<Long, HourStats>> rows = new ArrayList<>();
        try {
            ReadOnlyWindowStore<String, HourStats> store = streams.store(
                    StoreQueryParameters.fromNameAndType(MetricsTopology.HOURLY, QueryableStoreTypes.windowStore()));
            try (var it = store.fetch("all", now.minus(Duration.ofHours(24)), now)) {
                it.forEachRemaining(rows::add);
            }
        } catch (InvalidStateStoreException e) {
            LOG.debugf("hourly store not ready: %s", e.getMessage());
        }
        return rows;
    }

    private <V> V keyValue(String storeName, String key, V fallback) {
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
            V value = store.get(key);
            return value == null ? fallback : value;
        } catch (InvalidStateStoreException e) {
            return fallback;
        }
    }

    @SuppressWarnings("unchecked")
    private <V> void forEach(String storeName, java.util.function.BiConsumer<String, V> action) {
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, V> it = store.all()) {
                it.forEachRemaining(kv -> action.accept(kv.key, kv.value));
            }
        } catch (InvalidStateStoreException e) {
            LOG.debugf("store %s not ready: %s", storeName, e.getMessage());
        }
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

}
