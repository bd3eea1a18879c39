package io.univinsight.monitor;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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

    @Override
    public void close() {
        producer.close();
    }
}
