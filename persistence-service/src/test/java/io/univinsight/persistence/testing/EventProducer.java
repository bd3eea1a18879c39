package io.univinsight.persistence.testing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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

/**
 * One producer for many test events, each on the topic and with the key the real producers use.
 * Reading a topic back is test-support's KafkaTestClients.readUntil.
 */
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

    @Override
    public void close() {
        producer.flush();
        producer.close();
    }
}
