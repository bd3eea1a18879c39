package io.univinsight.persistence.listener;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatusChanged;

/** Turns a record into an event, or says why it cannot be one (also used by replays). */
public final class RecordMapping {
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);
    private static final JsonSerde<TaskStatusChanged> STATUSES = new JsonSerde<>(TaskStatusChanged.class);
    private static final JsonSerde<CrawlResult> RESULTS = new JsonSerde<>(CrawlResult.class);

    private RecordMapping() {
    }

    /** The event, or the reason it was refused (exactly one is set). */
    public record Mapped<T>(ConsumerRecord<String, byte[]> record, T event, String refusal) {
    }

    public static Mapped<CrawlTask> task(ConsumerRecord<String, byte[]> record) {
        return map(record, TASKS, t -> t.taskId() == null || t.url() == null || t.universityName() == null || t.priority() == null
                ? "missing key fields (taskId, url, universityName, priority)" : uuid(t.taskId()));
    }

    public static Mapped<TaskStatusChanged> status(ConsumerRecord<String, byte[]> record) {
        return map(record, STATUSES, e -> e.taskId() == null || e.status() == null || e.at() == null
                ? "missing key fields (taskId, status, at)" : uuid(e.taskId()));
    }

    /** A result without completedAt takes its record's timestamp: a replay then resolves it to the same time. */
    public static Mapped<CrawlResult> result(ConsumerRecord<String, byte[]> record) {
        Mapped<CrawlResult> m = map(record, RESULTS, r -> r.taskId() == null || r.universityName() == null || r.universityName().isBlank()
                ? "missing key fields (taskId, universityName)" : uuid(r.taskId()));
        CrawlResult r = m.event();
        if (r != null && r.completedAt() == null) {
            r = new CrawlResult(r.schemaVersion(), r.taskId(), r.url(), r.universityName(), r.department(), r.professors(),
                    r.papers(), r.pagesFetched(), r.extractionMethod(), r.accuracyScore(), r.metrics(),
                    Instant.ofEpochMilli(record.timestamp()), r.workerId(), r.attempt());
            return new Mapped<>(record, r, null);
        }
        return m;
    }

    private static <T> Mapped<T> map(ConsumerRecord<String, byte[]> record, JsonSerde<T> serde,
                                     java.util.function.Function<T, String> refusal) {
        T event;
        try {
            event = serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return new Mapped<>(record, null, "unreadable: " + e.getMessage());
        }
        if (event == null) {
            return new Mapped<>(record, null, "empty record");
        }
        String reason = refusal.apply(event);
        return reason == null ? new Mapped<>(record, event, null) : new Mapped<>(record, null, reason);
    }

    private static String uuid(String taskId) {
        try {
            UUID.fromString(taskId);
            return null;
        } catch (IllegalArgumentException e) {
            return "task id is not a UUID: " + taskId;
        }
    }
}
