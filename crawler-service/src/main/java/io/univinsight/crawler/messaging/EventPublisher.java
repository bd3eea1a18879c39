package io.univinsight.crawler.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
import io.univinsight.events.WorkerHeartbeat;

/**
 * Everything the crawler writes to Kafka, each send waited for (acks=all, idempotent), so a
 * task's offset is only marked finished once its events are durable.
 */
public class EventPublisher implements AutoCloseable {
    /** Who gives up, in the dead letters' source header. */
    private static final String SERVICE = "crawler-service";
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);
    private static final JsonSerde<TaskStatusChanged> STATUSES = new JsonSerde<>(TaskStatusChanged.class);
    private static final JsonSerde<CrawlResult> RESULTS = new JsonSerde<>(CrawlResult.class);
    private static final JsonSerde<WorkerHeartbeat> HEARTBEATS = new JsonSerde<>(WorkerHeartbeat.class);

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EventPublisher.class);

    /**
     * The largest event the crawler sends, uncompressed: a result lists every professor and paper of
     * its task (a 50-profile task with 25 papers each is ~0.4 MB), so Kafka's 1 MB default would turn a
     * large department into a task that can never report. The broker still refuses a compressed batch
     * over its own limit (1 MB by default; lz4 makes a result 3-6 times smaller).
     */
    public static final int MAX_EVENT_BYTES = 8 << 20;

    private final KafkaProducer<String, byte[]> producer;

    public EventPublisher(String bootstrapServers, String clientId) {
        this(bootstrapServers, clientId, MAX_EVENT_BYTES);
    }

    /** With another event size limit (tests of the too-large path). */
    public EventPublisher(String bootstrapServers, String clientId, int maxEventBytes) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxEventBytes);
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public void status(TaskStatusChanged event) throws PublishException {
        send(new ProducerRecord<>(Topics.TASK_STATUS, event.taskId(), STATUSES.serialize(Topics.TASK_STATUS, event)));
    }

    /**
     * @throws EventTooLarge when the result is over the producer's or the broker's size limit: sending
     * it again would fail the same way, so the task must end instead of running again
     */
    public void result(CrawlResult result) throws PublishException {
        send(new ProducerRecord<>(Topics.RESULTS, result.taskId(), RESULTS.serialize(Topics.RESULTS, result)));
    }

    /** Queues the next attempt on the retry topic, keyed by host like the task topics. */
    public void retry(String hostKey, CrawlTask next) throws PublishException {
        send(new ProducerRecord<>(Topics.TASKS_RETRY, hostKey, TASKS.serialize(Topics.TASKS_RETRY, next)));
    }

    /** A task the crawler gives up on after its attempts, with why in the dead-letter headers. */
    public void deadLetter(String key, byte[] value, String reason) throws PublishException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TASKS_DLQ, key, value);
        DeadLetterHeaders.add(record.headers(), reason, SERVICE);
        send(record);
    }

    /** A record the crawler cannot read, with why and where it was read from in the dead-letter headers. */
    public void deadLetter(ConsumerRecord<String, byte[]> unreadable, String reason) throws PublishException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TASKS_DLQ, unreadable.key(), unreadable.value());
        DeadLetterHeaders.add(record.headers(), reason, SERVICE);
        DeadLetterHeaders.addOrigin(record.headers(), unreadable.topic(), unreadable.partition(), unreadable.offset());
        send(record);
    }

    /**
     * A page's new state (its JSON, as the page-state store keeps it), keyed by its URL, sent without waiting:
     * a crawl sends many and waits once ({@link #flush()}) before its result. A lost state costs a full download
     * next time, nothing more.
     */
    public void pageState(String url, byte[] json) {
        producer.send(new ProducerRecord<>(Topics.PAGE_STATE, url, json),
                (metadata, error) -> {
                    if (error != null) {
                        LOG.warnf("page state of %s not written: %s", url, error.getMessage());
                    }
                });
    }

    /** Waits until every record sent so far is acknowledged (or failed). */
    public void flush() {
        producer.flush();
    }

    public byte[] taskBytes(CrawlTask task) {
        return TASKS.serialize(Topics.TASKS_DLQ, task);
    }

    public void heartbeat(WorkerHeartbeat beat) throws PublishException {
        send(new ProducerRecord<>(Topics.WORKER_HEARTBEATS, beat.workerId(), HEARTBEATS.serialize(Topics.WORKER_HEARTBEATS, beat)));
    }

    private void send(ProducerRecord<String, byte[]> record) throws PublishException {
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new EventTooLarge(record.topic(), record.value().length, e.getCause());
            }
            throw new PublishException("cannot write to " + record.topic() + ": " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new PublishException("cannot write to " + record.topic() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted writing to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }

    public static class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** An event Kafka refuses for its size: retrying cannot help (not a {@link PublishException}, which means "try again"). */
    public static class EventTooLarge extends RuntimeException {
        private final int bytes;

        EventTooLarge(String topic, int bytes, Throwable cause) {
            super(bytes + " bytes is over the size limit of " + topic + " (" + cause.getMessage() + ")", cause);
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }
}
