package io.univinsight.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.univinsight.devstack.DevStackClasspath;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.Topics;
import io.univinsight.ops.topics.TopicsCommand;

/** ./univ topics against a real broker: describe flags drift, lag counts, the DLQ replays once. */
class TopicsCommandIT {
    private static final KafkaTestResource KAFKA = new KafkaTestResource();
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);
    private static String bootstrap;

    @BeforeAll
    static void startBroker() {
        bootstrap = KAFKA.startBroker(); // creates every topic with 4 task partitions
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.stop();
    }

    @Test
    void describeAgreesWithTheDefinitionThenReportsDrift() throws Exception {
        Topics.Layout layout = new Topics.Layout(4, (short) 1);
        Run ok = run("describe", layout);
        assertEquals(0, ok.exit, ok.out);
        assertTrue(ok.out.contains("crawl.tasks.critical") && ok.out.contains("retention.ms=604800000"), ok.out);

        // Someone adds partitions to one topic by hand: describe says so and exits 1.
        try (Admin admin = admin()) {
            admin.createPartitions(Map.of(Topics.PERSISTENCE_DLQ, NewPartitions.increaseTo(5))).all().get();
            awaitPartitionCount(admin, Topics.PERSISTENCE_DLQ, 5);
        }
        Run drift = run("describe", layout);
        assertEquals(1, drift.exit, drift.out);
        assertTrue(drift.out.contains("partitions 5 (defined 3)"), drift.out);
        // create is idempotent and reports the same drift (it never changes an existing topic)
        Run create = run("create", layout);
        assertTrue(create.out.contains("Every topic exists"), create.out);
    }

    @Test
    void replayPutsDeadLetteredTasksBackOnceAsNewTasksAndSkipsGarbage() throws Exception {
        CrawlTask dead = new CrawlTask(CrawlTask.SCHEMA_VERSION, UUID.randomUUID().toString(), "http://127.0.0.1:9/gone",
                "Replay University", "Physics", Priority.HIGH, 1, 5, Instant.now(), 3, null);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.TASKS_DLQ, "127.0.0.1", TASKS.serialize(Topics.TASKS_DLQ, dead))).get();
            ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(Topics.TASKS_DLQ, "x", "{not json".getBytes(StandardCharsets.UTF_8));
            garbage.headers().add(DeadLetterHeaders.REASON, "unparseable".getBytes(StandardCharsets.UTF_8));
            producer.send(garbage).get();
        }
        Topics.Layout layout = new Topics.Layout(4, (short) 1);
        Run dry = run("replay-dlq", layout, "dry-run", "true");
        assertTrue(dry.out.contains("Would replay 1 task(s)") && dry.out.contains("skipped 1"), dry.out);
        assertEquals(List.of(), readAll(Priority.HIGH.topic()), "a dry run writes nothing");

        Run replay = run("replay-dlq", layout);
        assertTrue(replay.out.contains("Replayed 1 task(s)"), replay.out);
        assertTrue(replay.out.contains("unparseable"), "a skipped record is reported with its reason: " + replay.out);
        List<ConsumerRecord<String, byte[]>> queued = readAll(Priority.HIGH.topic());
        assertEquals(1, queued.size());
        CrawlTask fresh = TASKS.deserialize(Priority.HIGH.topic(), queued.get(0).value());
        assertEquals(dead.url(), fresh.url());
        assertEquals(dead.universityName(), fresh.universityName());
        assertEquals(0, fresh.attempt());
        assertNotEquals(dead.taskId(), fresh.taskId(), "the dead task stays FAILED; the replay is a new task");
        assertEquals("127.0.0.1", queued.get(0).key(), "keyed by host like every task");
        assertEquals(dead.taskId(), new String(queued.get(0).headers().lastHeader(DeadLetterHeaders.REPLAYED_FROM).value(), StandardCharsets.UTF_8));

        Run again = run("replay-dlq", layout);
        assertTrue(again.out.contains("Replayed 0 task(s)"), "already replayed records are not replayed twice: " + again.out);
        assertEquals(1, readAll(Priority.HIGH.topic()).size());

        // the replay group's lag on the DLQ is now 0, and lag lists it
        Run lag = run("lag", layout, "group", "univ-dlq-replay");
        assertTrue(lag.out.matches("(?s).*univ-dlq-replay\\s+crawl\\.tasks\\.dlq\\s+3\\s+0\\s.*"), lag.out);
    }

    private record Run(int exit, String out) {
    }

    private static Run run(String action, Topics.Layout layout, String... options) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < options.length; i += 2) {
            opts.put(options[i], options[i + 1]);
        }
        int exit = new TopicsCommand(bootstrap, layout, out).run(action, opts, DevStackClasspath.projectRoot());
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(10);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
            return all;
        }
    }

    /**
     * createPartitions completes when the controller accepts the change; the broker's metadata (what describe
     * reads) follows a moment later, so wait for it rather than race it.
     */
    private static void awaitPartitionCount(Admin admin, String topic, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        int seen;
        do {
            seen = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            if (seen == expected) {
                return;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(topic + " still has " + seen + " partitions, expected " + expected);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
