package io.univinsight.taskapi.messaging;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Writes tasks to their priority topic, keyed by URL host, and returns only once the broker
 * has them durably (idempotent producer, acks=all). Kafka down means an exception, never a
 * silent loss.
 */
@ApplicationScoped
public class TaskPublisher {
    private final KafkaProducer<String, CrawlTask> producer;

    @Inject
    public TaskPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // Fail fast when the broker is unreachable: the caller answers 503.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "task-api");
        producer = new KafkaProducer<>(config, new StringSerializer(), new JsonSerde<>(CrawlTask.class));
    }

    /** Publishes and waits for the acknowledgement. */
    public void publish(CrawlTask task) throws PublishFailedException {
        ProducerRecord<String, CrawlTask> record = new ProducerRecord<>(task.priority().topic(), hostKey(task.url()), task);
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException("task " + task.taskId() + " not written to " + record.topic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted", e);
        }
    }

    /** The key that puts every task of one site on one partition (one crawler owns a host). */
    public static String hostKey(String url) {
        String host = URI.create(url).getHost();
        return host == null ? url : host.toLowerCase(java.util.Locale.ROOT);
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }

    public static class PublishFailedException extends Exception {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
