package io.univinsight.ops.topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Topics;

/**
 * Puts the tasks of crawl.tasks.dlq back on their priority topics as new tasks (new id, attempt 0,
 * submitted now): the dead-lettered task itself stays FAILED, as task-api's retry does. Records that
 * are not tasks (bad input the crawler refused) are skipped and counted. Progress is the consumer group
 * {@value #GROUP}'s committed offset, so a second run replays only what was dead-lettered since.
 */
public final class DlqReplay {
    public static final String GROUP = "univ-dlq-replay";
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);

    /** What a run did. */
    public record Outcome(int replayed, int skipped, List<String> skippedReasons) {
    }

    private DlqReplay() {
    }

    public static Outcome run(String bootstrap, int limit, boolean dryRun) throws Exception {
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int replayed = 0;
        int skipped = 0;
        List<String> reasons = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(Topics.TASKS_DLQ));
            int emptyPolls = 0;
            while (replayed + skipped < limit && emptyPolls < 3) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                Map<TopicPartition, OffsetAndMetadata> done = new java.util.HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (replayed + skipped >= limit) {
                        break;
                    }
                    CrawlTask task = parse(record.value());
                    if (task == null || task.url() == null || task.priority() == null) {
                        skipped++;
                        reasons.add("offset " + record.partition() + ":" + record.offset() + " not a task ("
                                + header(record, DeadLetterHeaders.REASON) + ")");
                    } else {
                        replayed++;
                        if (!dryRun) {
                            CrawlTask fresh = new CrawlTask(CrawlTask.SCHEMA_VERSION, UUID.randomUUID().toString(), task.url(),
                                    task.universityName(), task.department(), task.priority(), task.maxDepth(), task.maxPages(),
                                    Instant.now(), 0, null);
                            ProducerRecord<String, byte[]> out = new ProducerRecord<>(task.priority().topic(), CrawlTask.hostKey(task.url()),
                                    TASKS.serialize(task.priority().topic(), fresh));
                            out.headers().add(DeadLetterHeaders.REPLAYED_FROM, task.taskId().getBytes(StandardCharsets.UTF_8));
                            producer.send(out);
                        }
                    }
                    done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                if (!dryRun && !done.isEmpty()) {
                    producer.flush(); // the new tasks are acknowledged before the DLQ position moves past them
                    consumer.commitSync(done);
                }
            }
            producer.flush();
        }
        return new Outcome(replayed, skipped, reasons);
    }

    private static CrawlTask parse(byte[] value) {
        try {
            return value == null ? null : TASKS.deserialize(Topics.TASKS_DLQ, value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? "no reason header" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
