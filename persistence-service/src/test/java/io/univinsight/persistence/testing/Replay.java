package io.univinsight.persistence.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.univinsight.persistence.metrics.RowsWritten;
import io.univinsight.events.Topics;
import io.univinsight.persistence.listener.RecordMapping;
import io.univinsight.persistence.service.BatchWrites;
import io.univinsight.persistence.service.ResultsWriter;
import io.univinsight.persistence.service.TaskEventsWriter;

/**
 * Reads every topic the service consumes from the beginning, under a consumer group of its own,
 * and writes it through the service's mapping and writers into the given database, one
 * transaction per batch. Topics are replayed one after the other (results first), an order the
 * live consumers never see.
 */
public final class Replay {
    private Replay() {
    }

    public static void all(String bootstrap, Connection c) throws SQLException {
        TaskEventsWriter tasks = new TaskEventsWriter();
        ResultsWriter results = new ResultsWriter();
        topic(bootstrap, List.of(Topics.RESULTS), c, RecordMapping::result, results::write);
        topic(bootstrap, List.of(Topics.TASK_STATUS), c, RecordMapping::status, tasks::writeStatuses);
        topic(bootstrap, Topics.priorityTopics(), c, RecordMapping::task, tasks::writeTasks);
    }

    private static <T> void topic(String bootstrap, List<String> topics, Connection c,
                                  Function<ConsumerRecord<String, byte[]>, RecordMapping.Mapped<T>> mapping,
                                  BatchWrites.Write<T> write) throws SQLException {
        for (List<ConsumerRecord<String, byte[]>> batch : readAll(bootstrap, topics)) {
            List<T> events = batch.stream().map(mapping).map(RecordMapping.Mapped::event).filter(Objects::nonNull).toList();
            if (events.isEmpty()) {
                continue;
            }
            try {
                write.write(c, events, new RowsWritten());
                c.commit();
            } catch (SQLException batchRefused) {
                // As the service does: one by one, skipping what the database refuses (the live run dead-lettered it).
                c.rollback();
                for (T event : events) {
                    try {
                        write.write(c, List.of(event), new RowsWritten());
                        c.commit();
                    } catch (SQLException refused) {
                        c.rollback();
                    }
                }
            }
        }
    }

    private static void addBatch(List<List<ConsumerRecord<String, byte[]>>> batches, KafkaConsumer<String, byte[]> consumer) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        consumer.poll(Duration.ofMillis(200)).forEach(batch::add);
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
    }

    /** Every record of the topics, in the batches the consumer polled them. */
    private static List<List<ConsumerRecord<String, byte[]>>> readAll(String bootstrap, List<String> topics) {
        List<List<ConsumerRecord<String, byte[]>>> batches = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            Instant deadline = Instant.now().plusSeconds(60);
            while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
                addBatch(batches, consumer);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue()) && Instant.now().isBefore(deadline)) {
                addBatch(batches, consumer);
            }
        }
        return batches;
    }
}
