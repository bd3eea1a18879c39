package io.univinsight.persistence.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.EventJson;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;

/** One producer for many test events, each on the topic and with the key the real producers use; and a topic reader. */
public final class EventProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public EventProducer(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
    }

    public void send(Object event) {
        try {
            byte[] bytes = EventJson.mapper().writeValueAsBytes(event);
            if (event instanceof CrawlTask t) {
                raw(t.priority().topic(), java.net.URI.create(t.url()).getHost(), bytes);
            } else if (event instanceof TaskStatusChanged s) {
                raw(Topics.TASK_STATUS, s.taskId(), bytes);
            } else if (event instanceof CrawlResult r) {
                raw(Topics.RESULTS, r.taskId(), bytes);
            } else {
                throw new IllegalArgumentException("not an event: " + event);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void raw(String topic, String key, String value) {
        raw(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    public void raw(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Reads a topic from its start until the records read satisfy done, or the timeout passes. */
    public static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrap, String topic,
                                                                  Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !done.test(records)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
