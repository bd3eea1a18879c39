package io.univinsight.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.TopicProvisioner;
import io.univinsight.events.Topics;
import io.univinsight.monitor.streams.DurationStats;
import io.univinsight.monitor.streams.MetricsTopology;

/**
 * A restart rebuilds the same numbers from the changelogs: the topology runs on the real
 * broker under its own application id, its local state is wiped, and a new instance restores
 * the stores (input offsets are committed, so nothing is reprocessed) to the same values.
 */
class ChangelogRestoreIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    /** A broker of its own (no Quarkus app needed), so these events never reach the dashboard tests. */
    private static final KafkaTestResource BROKER = new KafkaTestResource();
    private static String bootstrap;

    @BeforeAll
    static void startBroker() throws Exception {
        bootstrap = BROKER.startBroker();
        TopicProvisioner.ensureTopics(bootstrap, 4);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void storesComeBackFromTheChangelogAfterTheLocalStateIsLost() throws Exception {
        Instant now = Instant.now();
        try (TestEvents events = new TestEvents(bootstrap)) {
            for (int i = 0; i < 5; i++) {
                events.send(Topics.TASK_STATUS, "r" + i, event("r" + i, TaskStatus.RUNNING, now.minusSeconds(10)));
                events.send(Topics.TASK_STATUS, "r" + i, event("r" + i, i < 4 ? TaskStatus.COMPLETED : TaskStatus.FAILED,
                        now.minusSeconds(10 - i)));
            }
        }
        Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "restore-");
        String appId = "monitor-restore-" + System.nanoTime();

        KafkaStreams first = start(appId, stateDir);
        Map<String, Object> before;
        try {
            // Wait for every event to be counted in both stores: they update one after the other, and a
            // snapshot taken in between (4 completed but 3 durations) would be finished by the second instance.
            before = awaitNumbers(first, ChangelogRestoreIT::allEventsCounted);
            assertTrue(allEventsCounted(before), "the first instance counted every event: " + before);
        } finally {
            first.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
        }
        first.cleanUp(); // the local state is gone: only the changelogs remain

        KafkaStreams second = start(appId, stateDir);
        try {
            Map<String, Object> after = awaitNumbers(second, n -> n.equals(before));
            assertEquals(before, after);
        } finally {
            second.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            second.cleanUp();
        }
    }

    private static boolean allEventsCounted(Map<String, Object> n) {
        return ((Number) n.getOrDefault("COMPLETED", 0L)).longValue() == 4
                && ((Number) n.getOrDefault("FAILED", 0L)).longValue() == 1
                && ((Number) n.getOrDefault("RUNNING", 0L)).longValue() == 0
                && ((Number) n.getOrDefault("durations.count", 0L)).longValue() == 4;
    }

    private KafkaStreams start(String appId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200);
        // Static membership and leaving on close: the second instance need not wait out the first one's session.
        props.put(StreamsConfig.consumerPrefix("group.instance.id"), appId + "-1");
        props.put("auto.offset.reset", "earliest");
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        KafkaStreams streams = new KafkaStreams(new MetricsTopology().buildTopology(), props);
        streams.start();
        return streams;
    }

    /** Status counts and duration totals, once the predicate holds (or the wait ends). */
    private Map<String, Object> awaitNumbers(KafkaStreams streams, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        Map<String, Object> numbers = Map.of();
        while (Instant.now().isBefore(deadline)) {
            try {
                numbers = numbers(streams);
                if (streams.state() == KafkaStreams.State.RUNNING && done.test(numbers)) {
                    return numbers;
                }
            } catch (InvalidStateStoreException e) {
                // still restoring or rebalancing
            }
            Thread.sleep(200);
        }
        return numbers;
    }

    private static Map<String, Object> numbers(KafkaStreams streams) {
        Map<String, Object> n = new LinkedHashMap<>();
        ReadOnlyKeyValueStore<String, Long> byStatus = streams.store(
                StoreQueryParameters.fromNameAndType(MetricsTopology.TASKS_BY_STATUS, QueryableStoreTypes.keyValueStore()));
        try (var it = byStatus.all()) {
            it.forEachRemaining(kv -> n.put(kv.key, kv.value));
        }
        ReadOnlyKeyValueStore<String, DurationStats> durations = streams.store(
                StoreQueryParameters.fromNameAndType(MetricsTopology.DURATIONS, QueryableStoreTypes.keyValueStore()));
        DurationStats d = durations.get(MetricsTopology.ALL);
        n.put("durations.count", d == null ? 0 : d.count());
        n.put("durations.sumMs", d == null ? 0 : d.sumMs());
        return n;
    }

    private static TaskStatusChanged event(String task, TaskStatus status, Instant at) {
        return new TaskStatusChanged(1, task, status, at, "w1", 1, null, "http://u/", "Restore U", Priority.LOW);
    }
}
