package io.univinsight.monitor.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
import io.univinsight.events.WorkerHeartbeat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The metrics view as one Kafka Streams topology. State stores (queried over REST):
 * latest status per task, task counts per status and per university, processing times,
 * one-hour windows of finished tasks, per-university results, the latest heartbeat of
 * each worker, and cache hits over every result. Every store is changelog-backed, so a restart rebuilds the same numbers.
 */
@ApplicationScoped
public class MetricsTopology {
    public static final String TASK_LATEST = "task-latest";
    public static final String TASKS_BY_STATUS = "tasks-by-status";
    public static final String TASKS_BY_UNIVERSITY = "tasks-by-university";
    public static final String DURATIONS = "durations";
    /** Renamed from "hourly-stats" when HourStats gained "timed": old changelog values would not read. */
    public static final String HOURLY = "hourly-finished";
    public static final String UNIVERSITIES = "university-stats";
    public static final String WORKERS = "workers";
    public static final String CACHE_TOTALS = "cache-totals";
    /**
     * Each task's latest result, as a summary. Named (and its groupings renamed from the generated names and
     * "cache-totals-all") when the table stopped holding whole events: values of the old topics would not read.
     */
    public static final String RESULT_SUMMARIES = "result-summaries";
    /** The single key of the system-wide aggregates (durations, hourly windows). */
    public static final String ALL = "all";
    public static final String UNKNOWN_UNIVERSITY = "(unknown)";
    public static final Duration HOUR = Duration.ofHours(1);
    /** Events up to 10 minutes late (by stream time) still count in their own hour; later ones are dropped. */
    public static final Duration HOUR_GRACE = Duration.ofMinutes(10);

    @Produces
    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<TaskStatusChanged> statusSerde = new JsonSerde<>(TaskStatusChanged.class);
        JsonSerde<TaskState> stateSerde = new JsonSerde<>(TaskState.class);
        JsonSerde<CrawlResult> resultSerde = new JsonSerde<>(CrawlResult.class);
        JsonSerde<ResultSummary> summarySerde = new JsonSerde<>(ResultSummary.class);
        JsonSerde<WorkerHeartbeat> heartbeatSerde = new JsonSerde<>(WorkerHeartbeat.class);

        // Caching off: every transition must reach the counters below, not only the last per commit.
        KTable<String, TaskState> latest = builder.stream(Topics.TASK_STATUS,
                        Consumed.with(Serdes.String(), statusSerde).withTimestampExtractor(new EventTimeExtractor()))
                .filter((taskId, event) -> taskId != null && event != null && event.status() != null && event.at() != null)
                .groupByKey(Grouped.with(Serdes.String(), statusSerde))
                .aggregate(() -> null, (taskId, event, state) -> TaskState.apply(state, event),
                        Materialized.<String, TaskState, KeyValueStore<Bytes, byte[]>>as(TASK_LATEST)
                                .withKeySerde(Serdes.String()).withValueSerde(stateSerde).withCachingDisabled());

        latest.groupBy((taskId, state) -> KeyValue.pair(state.status().name(), state), Grouped.with(Serdes.String(), stateSerde))
                .count(Materialized.as(TASKS_BY_STATUS));
        latest.groupBy((taskId, state) -> KeyValue.pair(universityOf(state.universityName()), state),
                        Grouped.with(Serdes.String(), stateSerde))
                .count(Materialized.as(TASKS_BY_UNIVERSITY));

        // Each task's move into a terminal status, once (duplicates and late events have changed=false).
        var finished = latest.toStream()
                .filter((taskId, state) -> state != null && state.changed() && state.status().isTerminal())
                .groupBy((taskId, state) -> ALL, Grouped.with(Serdes.String(), stateSerde));
        finished.aggregate(DurationStats::empty,
                (key, state, stats) -> state.status() == TaskStatus.COMPLETED && state.durationMs() >= 0
                        ? stats.add(state.durationMs()) : stats,
                Materialized.<String, DurationStats, KeyValueStore<Bytes, byte[]>>as(DURATIONS)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(DurationStats.class)));
        finished.windowedBy(TimeWindows.ofSizeAndGrace(HOUR, HOUR_GRACE))
                .aggregate(HourStats::empty, (key, state, stats) -> stats.add(state),
                        Materialized.<String, HourStats, WindowStore<Bytes, byte[]>>as(HOURLY)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(HourStats.class))
                                .withRetention(Duration.ofDays(2)));

        // One result per task, however often it is redelivered, then summed per university. The table keeps each
        // result's summary, not the event (see ResultSummary): the event's records would otherwise be written
        // again to the table's changelog and to both groupings' repartition topics.
        KTable<String, ResultSummary> results = builder.stream(Topics.RESULTS, Consumed.with(Serdes.String(), resultSerde))
                .filter((taskId, r) -> taskId != null && r != null)
                .mapValues(ResultSummary::of)
                .toTable(Materialized.<String, ResultSummary, KeyValueStore<Bytes, byte[]>>as(RESULT_SUMMARIES)
                        .withKeySerde(Serdes.String()).withValueSerde(summarySerde));
        results.groupBy((taskId, r) -> KeyValue.pair(universityOf(r.universityName()), r),
                        Grouped.<String, ResultSummary>as("university-result-summaries")
                                .withKeySerde(Serdes.String()).withValueSerde(summarySerde))
                .aggregate(UniversityStats::empty, (u, r, s) -> s.plus(r), (u, r, s) -> s.minus(r),
                        Materialized.<String, UniversityStats, KeyValueStore<Bytes, byte[]>>as(UNIVERSITIES)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(UniversityStats.class)));

        builder.table(Topics.WORKER_HEARTBEATS, Consumed.with(Serdes.String(), heartbeatSerde),
                Materialized.<String, WorkerHeartbeat, KeyValueStore<Bytes, byte[]>>as(WORKERS)
                        .withKeySerde(Serdes.String()).withValueSerde(heartbeatSerde));

        // Cache hits, bytes saved, pages rendered and empty reasons over every distinct result.
        results.groupBy((taskId, r) -> KeyValue.pair(ALL, r), Grouped.<String, ResultSummary>as("cache-totals-summaries")
                        .withKeySerde(Serdes.String()).withValueSerde(summarySerde))
                .aggregate(ResultTotals::empty, (k, r, s) -> s.plus(r), (k, r, s) -> s.minus(r),
                        Materialized.<String, ResultTotals, KeyValueStore<Bytes, byte[]>>as(CACHE_TOTALS)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(ResultTotals.class)));
        return builder.build();
    }

    static String universityOf(String name) {
        return name == null || name.isBlank() ? UNKNOWN_UNIVERSITY : name;
    }
}
