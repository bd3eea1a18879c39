package io.univinsight.systemtests.chaos.support;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.Topics;

/**
 * Scenario 8's poison: unreadable, wrong-schema, key-less, empty, binary, tombstone and ~1 MB
 * records written straight to every partition of every topic a service consumes, and where each
 * dead-letter topic put them.
 */
public final class PoisonRecords {
    private PoisonRecords() {
    }

    /** Where one poison record went, and whether each dead-letter topic must hold it. */
    public record Poison(String kind, String topic, int partition, long offset, boolean crawlerDlq, boolean persistenceDlq) {
        public String where() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /** The dead letters read back (origin topic-partition@offset to reason), and the poison no dead-letter topic holds. */
    public record DeadLetters(Map<String, String> crawler, Map<String, String> persistence, Map<String, String> monitor,
                              List<String> missing) {
    }

    /** Every topic a service consumes. */
    public static List<String> consumedTopics() {
        List<String> consumed = new ArrayList<>(Topics.priorityTopics());
        consumed.addAll(List.of(Topics.TASKS_RETRY, Topics.TASK_STATUS, Topics.RESULTS, Topics.WORKER_HEARTBEATS,
                Topics.TASK_CANCELLATIONS));
        return consumed;
    }

    /** Writes every poison kind to every partition of the consumed topics, then the two ~1 MB valid events. */
    public static List<Poison> writeToEveryPartition(String bootstrap, List<String> consumed) throws Exception {
        Set<String> crawlerInputs = new TreeSet<>(Topics.priorityTopics());
        crawlerInputs.add(Topics.TASKS_RETRY);
        Set<String> persistenceInputs = new TreeSet<>(Topics.priorityTopics());
        persistenceInputs.addAll(List.of(Topics.TASK_STATUS, Topics.RESULTS));

        List<Poison> poison = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            for (String topic : consumed) {
                List<PartitionInfo> partitions = producer.partitionsFor(topic);
                assertFalse(partitions.isEmpty(), topic);
                for (PartitionInfo p : partitions) {
                    Map<String, byte[]> kinds = kinds(p.partition() == 0);
                    for (Map.Entry<String, byte[]> kind : kinds.entrySet()) {
                        String key = "poison-" + kind.getKey() + "-" + p.partition();
                        RecordMetadata m = producer.send(new ProducerRecord<>(topic, p.partition(), key, kind.getValue())).get();
                        boolean tombstoneOnCompacted = kind.getValue() == null;
                        poison.add(new Poison(kind.getKey(), topic, m.partition(), m.offset(),
                                crawlerInputs.contains(topic), persistenceInputs.contains(topic) && !tombstoneOnCompacted));
                    }
                }
            }
            // A ~1 MB status event and result that read fine but whose university name no column can hold.
            String hugeName = "U".repeat(900_000);
            String fakeTask = UUID.randomUUID().toString();
            byte[] hugeStatus = ("{\"schemaVersion\":1,\"taskId\":\"" + fakeTask + "\",\"status\":\"RUNNING\",\"at\":\"" + Instant.now()
                    + "\",\"workerId\":\"poison\",\"attempt\":1,\"url\":\"http://127.0.0.10/x\",\"universityName\":\"" + hugeName
                    + "\",\"priority\":\"NORMAL\"}").getBytes(StandardCharsets.UTF_8);
            RecordMetadata ms = producer.send(new ProducerRecord<>(Topics.TASK_STATUS, 0, fakeTask, hugeStatus)).get();
            poison.add(new Poison("huge-valid-status", Topics.TASK_STATUS, ms.partition(), ms.offset(), false, true));
            byte[] hugeResult = ("{\"schemaVersion\":1,\"taskId\":\"" + fakeTask + "\",\"url\":\"http://127.0.0.10/x\",\"universityName\":\""
                    + hugeName + "\",\"professors\":[],\"papers\":[],\"pagesFetched\":1,\"accuracyScore\":0,\"attempt\":1}")
                    .getBytes(StandardCharsets.UTF_8);
            RecordMetadata mr = producer.send(new ProducerRecord<>(Topics.RESULTS, 0, fakeTask, hugeResult)).get();
            poison.add(new Poison("huge-valid-result", Topics.RESULTS, mr.partition(), mr.offset(), false, true));
        }
        return poison;
    }

    /** The poison kinds written to each partition; the ~1 MB one only to partition 0. */
    private static Map<String, byte[]> kinds(boolean withHuge) {
        Map<String, byte[]> kinds = new LinkedHashMap<>();
        kinds.put("bad-json", "{\"taskId\": \"abc\", \"url\": ".getBytes(StandardCharsets.UTF_8));
        kinds.put("not-json", "this is not json at all \u0000\u0001".getBytes(StandardCharsets.UTF_8));
        kinds.put("wrong-schema", ("{\"schemaVersion\":99,\"id\":\"" + UUID.randomUUID() + "\",\"target\":{\"href\":\"http://127.0.0.10/\"},"
                + "\"status\":{\"code\":3}}").getBytes(StandardCharsets.UTF_8));
        kinds.put("wrong-types", ("{\"schemaVersion\":\"one\",\"taskId\":42,\"url\":[1,2],\"priority\":\"URGENTEST\",\"status\":\"EXPLODED\","
                + "\"at\":\"yesterday\",\"maxPages\":null,\"professors\":\"none\"}").getBytes(StandardCharsets.UTF_8));
        kinds.put("missing-keys", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
        kinds.put("json-array", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        kinds.put("empty", new byte[0]);
        kinds.put("binary", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0, 0x7B, (byte) 0xA0, (byte) 0xA1});
        kinds.put("tombstone", null);
        if (withHuge) {
            kinds.put("huge", ("{\"schemaVersion\":1,\"pad\":\"" + "x".repeat(1_000_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return kinds;
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Reads the three dead-letter topics until each holds what it must: every poison record of a crawler
     * input in crawl.tasks.dlq, of a persistence input in crawl.persistence.dlq, each with its reason; and in
     * the monitor's, what its Kafka Streams deserializers cannot read (malformed JSON on its inputs).
     */
    public static DeadLetters readDeadLetters(String bootstrap, List<Poison> poison) {
        Map<String, String> crawlerDead = deadLetters(bootstrap, Topics.TASKS_DLQ,
                poison.stream().filter(Poison::crawlerDlq).map(Poison::where).collect(Collectors.toSet()));
        Map<String, String> persistenceDead = deadLetters(bootstrap, Topics.PERSISTENCE_DLQ,
                poison.stream().filter(Poison::persistenceDlq).map(Poison::where).collect(Collectors.toSet()));
        Set<String> monitorInputs = Set.of(Topics.TASK_STATUS, Topics.RESULTS, Topics.WORKER_HEARTBEATS);
        Set<String> unreadable = Set.of("bad-json", "not-json", "binary");
        Set<String> expectedMonitor = poison.stream().filter(p -> monitorInputs.contains(p.topic()) && unreadable.contains(p.kind()))
                .map(Poison::where).collect(Collectors.toSet());
        Map<String, String> monitorDead = deadLetters(bootstrap, Topics.MONITOR_DLQ, expectedMonitor);
        List<String> missing = new ArrayList<>();
        expectedMonitor.stream().filter(w -> !monitorDead.containsKey(w)).forEach(w -> missing.add("monitor DLQ lacks " + w));
        for (Poison p : poison) {
            if (p.crawlerDlq() && !crawlerDead.containsKey(p.where())) {
                missing.add("crawler DLQ lacks " + p.kind() + " " + p.where());
            }
            if (p.persistenceDlq() && !persistenceDead.containsKey(p.where())) {
                missing.add("persistence DLQ lacks " + p.kind() + " " + p.where());
            }
        }
        return new DeadLetters(crawlerDead, persistenceDead, monitorDead, missing);
    }

    /**
     * Reads a dead-letter topic from the start until it holds every expected origin (or 90 s pass):
     * where each dead letter was read from (topic-partition@offset) to its reason.
     */
    private static Map<String, String> deadLetters(String bootstrap, String topic, Set<String> expected) {
        Map<String, String> found = new TreeMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 << 20);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!found.keySet().containsAll(expected) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    found.put(origin(r), header(r, DeadLetterHeaders.REASON));
                }
            }
            // a little longer for anything past the expected count (duplicates show as the same origin)
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
                found.put(origin(r), header(r, DeadLetterHeaders.REASON));
            }
        }
        return found;
    }

    /** topic-partition@offset of the poisoned record a dead letter came from. */
    private static String origin(ConsumerRecord<?, ?> r) {
        return header(r, DeadLetterHeaders.TOPIC) + "-" + header(r, DeadLetterHeaders.PARTITION) + "@" + header(r, DeadLetterHeaders.OFFSET);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }
}
