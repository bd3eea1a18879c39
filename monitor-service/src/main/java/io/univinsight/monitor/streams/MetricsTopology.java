package io.univinsight.monitor.streams;

import java.time.Duration;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
import io.univinsight.events.WorkerHeartbeat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The metrics view as one Kafka Streams topology. State stores (queried over REST):
 * latest status per task, task counts per status and per university, processing times,
 * one-hour windows of finished tasks, per-university results, and the latest heartbeat of
 * each worker. Everything is rebuilt from the changelogs after a restart.
 */
@ApplicationScoped
public class MetricsTopology {
    public static final String TASK_LATEST = "task-latest";
    public static final String TASKS_BY_STATUS = "tasks-by-status";
    public static final String TASKS_BY_UNIVERSITY = "tasks-by-university";
    public static final String DURATIONS = "durations";
    public static final String HOURLY = "hourly-stats";
    public static final String UNIVERSITIES = "university-stats";
    public static final String WORKERS = "workers";
    static final String ALL = "all";

    @Produces
    public Topology buildTopology() {
        StreamsBuilder builder = new StreamsBuilder();
        JsonSerde<TaskStatusChanged> statusSerde = new JsonSerde<>(TaskStatusChanged.class);
        JsonSerde<TaskState> stateSerde = new JsonSerde<>(TaskState.class);
        JsonSerde<CrawlResult> resultSerde = new JsonSerde<>(CrawlResult.class);

        // Caching off: every transition must reach the counters below, not only the last per commit.
        KTable<String, TaskState> latest = builder.stream(Topics.TASK_STATUS, Consumed.with(Serdes.String(), statusSerde))
                .filter((taskId, event) -> event != null && event.status() != null && event.at() != null)
                .groupByKey(Grouped.with(Serdes.String(), statusSerde))
                .aggregate(() -> null, (taskId, event, state) -> TaskState.apply(state, event),
                        Materialized.<String, TaskState, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(TASK_LATEST)
                                .withKeySerde(Serdes.String()).withValueSerde(stateSerde).withCachingDisabled());

        latest.groupBy((taskId, state) -> KeyValue.pair(state.status().name(), state), Grouped.with(Serdes.String(), stateSerde))
                .count(Materialized.as(TASKS_BY_STATUS));
        latest.groupBy((taskId, state) -> KeyValue.pair(String.valueOf(state.universityName()), state), Grouped.with(Serdes.String(), stateSerde))
                .count(Materialized.as(TASKS_BY_UNIVERSITY));

        var finished = latest.toStream()
                .filter((taskId, state) -> state != null && state.changed() && state.status().isTerminal())
                .groupBy((taskId, state) -> ALL, Grouped.with(Serdes.String(), stateSerde));
        finished.aggregate(DurationStats::empty,
                (key, state, stats) -> state.durationMs() >= 0 && state.status() == io.univinsight.events.TaskStatus.COMPLETED
                        ? stats.add(state.durationMs()) : stats,
                Materialized.<String, DurationStats, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(DURATIONS)
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(DurationStats.class)));
        // Late events (up to 10 minutes after their hour) still count in their own hour.
        finished.windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofHours(1), Duration.ofMinutes(10)))
                .aggregate(HourStats::empty, (key, state, stats) -> stats.add(state),
                        Materialized.<String, HourStats, org.apache.kafka.streams.state.WindowStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(HOURLY)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(HourStats.class))
                                .withRetention(Duration.ofDays(2)));

        // One result per task, however often it is redelivered, then summed per university.
        builder.stream(Topics.RESULTS, Consumed.with(Serdes.String(), resultSerde))
                .filter((taskId, r) -> r != null && r.universityName() != null)
                .toTable(Materialized.with(Serdes.String(), resultSerde))
                .groupBy((taskId, r) -> KeyValue.pair(r.universityName(), r), Grouped.with(Serdes.String(), resultSerde))
                .aggregate(UniversityStats::empty, (u, r, s) -> s.plus(r), (u, r, s) -> s.minus(r),
                        Materialized.<String, UniversityStats, org.apache.kafka.streams.state.KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>>as(UNIVERSITIES)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(UniversityStats.class)));

        builder.table(Topics.WORKER_HEARTBEATS, Consumed.with(Serdes.String(), new JsonSerde<>(WorkerHeartbeat.class)),
                Materialized.as(WORKERS));
        return builder.build();
    }
}
