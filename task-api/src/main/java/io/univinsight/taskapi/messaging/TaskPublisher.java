package io.univinsight.taskapi.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
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
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);
    private static final JsonSerde<TaskStatusChanged> STATUSES = new JsonSerde<>(TaskStatusChanged.class);

    private final KafkaProducer<String, byte[]> producer;

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
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes and waits for the acknowledgement. */
    public void publish(CrawlTask task) throws PublishFailedException {
        Exception failure = publishAll(List.of(task)).get(0);
        if (failure != null) {
            throw new PublishFailedException("task " + task.taskId() + " not written to " + task.priority().topic(), failure);
        }
    }

    /**
     * Sends all tasks at once (the producer batches them) and waits for every acknowledgement.
     * Returns, per task in order, null when it is durably written, else why not.
     */
    public List<Exception> publishAll(List<CrawlTask> tasks) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(tasks.size());
        List<Exception> outcomes = new ArrayList<>(tasks.size());
        for (CrawlTask task : tasks) {
            try {
                String topic = task.priority().topic();
                sends.add(producer.send(new ProducerRecord<>(topic, CrawlTask.hostKey(task.url()), TASKS.serialize(topic, task))));
            } catch (RuntimeException e) {
                sends.add(java.util.concurrent.CompletableFuture.failedFuture(e));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                outcomes.add(null);
            } catch (ExecutionException e) {
                outcomes.add(e.getCause() instanceof Exception cause ? cause : e);
            } catch (TimeoutException e) {
                outcomes.add(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    /**
     * A cancellation: on the status topic (for the database and the monitor) and on the
     * compacted cancellations topic every crawler reads.
     */
    public void publishCancellation(TaskStatusChanged cancelled) throws PublishFailedException {
        byte[] value = STATUSES.serialize(Topics.TASK_STATUS, cancelled);
        try {
            Future<RecordMetadata> status = producer.send(new ProducerRecord<>(Topics.TASK_STATUS, cancelled.taskId(), value));
            Future<RecordMetadata> notice = producer.send(new ProducerRecord<>(Topics.TASK_CANCELLATIONS, cancelled.taskId(), value));
            status.get(10, TimeUnit.SECONDS);
            notice.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new PublishFailedException("cancellation of " + cancelled.taskId() + " not written", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted", e);
        }
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
