package io.univinsight.crawler.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;

/** Reads the whole task-status topic (all partitions, no group) and keeps every event seen, for tests to wait on. */
public final class StatusWatcher implements AutoCloseable {
    private static final JsonSerde<TaskStatusChanged> STATUS = new JsonSerde<>(TaskStatusChanged.class);
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TaskStatusChanged> seen = new ArrayList<>();

    public StatusWatcher(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASK_STATUS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until the events seen so far satisfy done; fails after the timeout. */
    public List<TaskStatusChanged> awaitUntil(Predicate<List<TaskStatusChanged>> done, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.test(seen)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                seen.add(STATUS.deserialize(r.topic(), r.value()));
            }
        }
        return List.copyOf(seen);
    }

    /** Keeps reading for a while (events sent just before a moment may still be on their way) and returns all seen. */
    public List<TaskStatusChanged> readFor(Duration time) {
        Instant end = Instant.now().plus(time);
        while (Instant.now().isBefore(end)) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                seen.add(STATUS.deserialize(r.topic(), r.value()));
            }
        }
        return List.copyOf(seen);
    }

    /** Waits for the task to reach the status and returns that task's events, in order. */
    public List<TaskStatusChanged> awaitStatus(String taskId, TaskStatus status, Duration timeout) {
        awaitUntil(all -> all.stream().anyMatch(e -> e.taskId().equals(taskId) && e.status() == status), timeout,
                taskId + " " + status);
        return of(taskId);
    }

    public List<TaskStatusChanged> of(String taskId) {
        return seen.stream().filter(e -> e.taskId().equals(taskId)).toList();
    }

    public static List<TaskStatus> statuses(List<TaskStatusChanged> events) {
        return events.stream().map(TaskStatusChanged::status).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
