package io.univinsight.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.univinsight.events.EventJson;

/**
 * One producer for a test's events, created in the test's own class loader (as the Kafka
 * client classes it loads); each send waits for the broker's acknowledgement.
 */
final class TestEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    TestEvents(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    }

    void sendRaw(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    void send(String topic, String key, Object event) throws Exception {
        sendRaw(topic, key, EventJson.mapper().writeValueAsBytes(event));
    }

    /** Every record of a topic, read from the start (for a dead-letter topic: key, value, headers). */
    List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, int atLeast) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (all.size() < atLeast && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(all::add);
            }
            return all;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
