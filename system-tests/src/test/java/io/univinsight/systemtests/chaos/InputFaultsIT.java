package io.univinsight.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.StackComponent;
import io.univinsight.testsupport.LoadSite;
import io.univinsight.systemtests.StackUnderTest;
import io.univinsight.systemtests.chaos.support.AbuseTally;
import io.univinsight.systemtests.chaos.support.ApiAbuse;
import io.univinsight.systemtests.chaos.support.ChaosSize;
import io.univinsight.systemtests.chaos.support.Database;
import io.univinsight.systemtests.chaos.support.FaultHttp;
import io.univinsight.systemtests.chaos.support.HostileInput;
import io.univinsight.systemtests.chaos.support.PoisonRecords;
import io.univinsight.systemtests.chaos.support.PoisonRecords.DeadLetters;
import io.univinsight.systemtests.chaos.support.PoisonRecords.Poison;
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

    @Test
    @Order(1)
    void poisonRecordsAreDeadLetteredAndTheValidRecordsBehindThemAreProcessed() throws Exception {
        Instant started = Instant.now();
        List<String> consumed = PoisonRecords.consumedTopics();
        List<Poison> poison = PoisonRecords.writeToEveryPartition(stack.settings().kafkaBootstrap(), consumed);

        Map<String, String> emailOfUrl = new HashMap<>();
        List<Map<String, Object>> tasks = validTasksOnEveryHost(emailOfUrl);
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

        // The dead-letter topics, each record with its reason; the monitor still counting; every service ready.
        DeadLetters dead = PoisonRecords.readDeadLetters(stack.settings().kafkaBootstrap(), poison);
        JsonNode dashboard = dashboard();
        String streams = dashboard.path("health").path("streams_state").asText();
        long monitorCompleted = dashboard.path("metrics").path("completed").asLong();
        List<String> down = servicesNotReady();

        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        new ScenarioReport("8 poison records", ChaosSize.SIZE, tasks.size(), completed, failed, tasks.size() - completed - failed,
                results - distinctResults + Math.max(0, professorRows - emails.size()), seconds,
                String.format("%d poison records on %d topics; crawler DLQ %d, persistence DLQ %d, monitor DLQ %d (reason headers); "
                        + "monitor %s, counted %d completed; not ready: %s",
                        poison.size(), consumed.size(), dead.crawler().size(), dead.persistence().size(), dead.monitor().size(), streams,
                        monitorCompleted, down))
                .append();

        assertTrue(dead.missing().isEmpty(), dead.missing().size() + " poison records not dead-lettered: " + dead.missing());
        assertTrue(dead.crawler().values().stream().noneMatch(String::isBlank), "every crawler dead letter has a reason");
        assertTrue(dead.persistence().values().stream().noneMatch(String::isBlank), "every persistence dead letter has a reason");
        assertTrue(dead.monitor().values().stream().noneMatch(String::isBlank), "every monitor dead letter has a reason");
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

    /** Valid tasks after the poison, on every host (so on several partitions of the task topics), every priority. */
    private static List<Map<String, Object>> validTasksOnEveryHost(Map<String, String> emailOfUrl) {
        List<Map<String, Object>> tasks = new ArrayList<>();
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
        return tasks;
    }

    /** The ports of the services not ready now. */
    private static List<String> servicesNotReady() {
        List<String> down = new ArrayList<>();
        for (int port : List.of(stack.settings().apiPort(), stack.settings().crawlerPort(), stack.settings().persistencePort(),
                stack.settings().monitorPort())) {
            if (!stack.launcher().isReady(port)) {
                down.add(String.valueOf(port));
            }
        }
        return down;
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
        while (Instant.now().isBefore(deadline)) {
            long finished = stack.count("SELECT count(*) FROM crawl_tasks WHERE status IN ('COMPLETED','FAILED','CANCELLED') AND id IN " + ids);
            if (finished == taskIds.size()) {
                break;
            }
            Thread.sleep(500);
        }
        // Counted after the wait, never before it: a task completing between two counts made a
        // finished scenario report one task short (7 of 8 once, in CI).
        return stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'COMPLETED' AND id IN " + ids);
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

    @Test
    @Order(2)
    void abusiveRequestsGetOnly4xxProblemsAndLeaveTheDatabaseIntact() throws Exception {
        Instant started = Instant.now();
        Map<String, Long> before = tableCounts();
        List<String> strings = HostileInput.strings();
        ApiAbuse abuse = new ApiAbuse(api, stack.settings(), KEY, FLOOD_KEY, site, nextPerson);

        abuse.wrongKeysAreRefused();
        abuse.outsideReviewProbes();
        abuse.hostileQueryParameters(strings);
        abuse.hostilePathParameters(strings);
        abuse.hostileSubmitFields(strings);
        abuse.hostileIdempotencyKeys(strings);
        abuse.malformedBodies();
        abuse.oversizedBodies();
        abuse.burstOfLargeChunkedBodies();
        abuse.rawSocketRequests();
        ApiAbuse.Flood flood = abuse.floodPastTheRateLimit(FULL ? 6000 : 2500);
        AbuseTally tally = abuse.tally();
        Map<String, String> acceptedUniversity = abuse.acceptedUniversity();
        Map<String, Integer> personOfTask = abuse.personOfTask();
        List<String> protocolLevel = abuse.protocolLevel();

        // Afterwards: ready, the accepted tasks end, tables intact, injected text stored only as that text.
        FaultHttp.Answer ready = new FaultHttp(stack.settings().apiUrl(), null).get("/q/health/ready");
        long completed = awaitFinished(acceptedUniversity.keySet(), FINISH);
        String ids = inList(acceptedUniversity.keySet());
        long failed = acceptedUniversity.isEmpty() ? 0 : stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'FAILED' AND id IN " + ids);
        long stored = acceptedUniversity.isEmpty() ? 0 : stack.count("SELECT count(*) FROM crawl_tasks WHERE id IN " + ids);
        Map<String, Long> after = tableCounts();
        List<String> textMismatch = textStoredAsOtherText(acceptedUniversity);
        long lost = acceptedUniversity.size() - stored;
        long duplicated = duplicatedPeopleAndPapers(personOfTask);

        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        new ScenarioReport("10 API abuse", ChaosSize.SIZE, acceptedUniversity.size(), completed, failed, lost, duplicated, seconds,
                String.format("%d requests: %d 4xx (%d 400, %d 404, %d 413, %d 415, %d 429), %d 5xx, %d 4xx not RFC 7807, "
                        + "%d refused by the HTTP codec; flood %d in %.1f s; ready %d; tables %s",
                        tally.requests.get(), tally.count4xx(), tally.count(400), tally.count(404), tally.count(413), tally.count(415),
                        tally.count(429), tally.serverErrors.size(), tally.notProblems.size(), protocolLevel.size(), flood.requests(),
                        flood.seconds(), ready.status(), after) + (protocolLevel.isEmpty() ? "" : "; HTTP codec: " + protocolLevel)
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
        assertEquals(0, flood.retryAfterMissing(), "every 429 says Retry-After");
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

    /** Accepted tasks whose university name was stored as other text than the one sent ("?": not known, not checked). */
    private static List<String> textStoredAsOtherText(Map<String, String> acceptedUniversity) throws Exception {
        List<String> textMismatch = new ArrayList<>();
        try (var db = stack.db(); var st = db.prepareStatement("SELECT university_name FROM crawl_tasks WHERE id = ?::uuid")) {
            for (Map.Entry<String, String> e : acceptedUniversity.entrySet()) {
                if (e.getValue().equals("?")) {
                    continue;
                }
                st.setString(1, e.getKey());
                try (var rs = st.executeQuery()) {
                    if (rs.next() && !rs.getString(1).equals(e.getValue())) {
                        textMismatch.add(e.getKey() + ": stored '" + AbuseTally.abbreviate(rs.getString(1)) + "' for '"
                                + AbuseTally.abbreviate(e.getValue()) + "'");
                    }
                }
            }
        }
        return textMismatch;
    }

    /** Rows stored twice for one person or paper (the unique keys allow one person under two university names). */
    private static long duplicatedPeopleAndPapers(Map<String, Integer> personOfTask) throws Exception {
        Set<String> names = new HashSet<>();
        Set<String> titles = new HashSet<>();
        personOfTask.values().forEach(p -> {
            names.add(LoadSite.name(p % 4, p));
            titles.add(LoadSite.ownPaperTitle(p % 4, p));
            titles.add(LoadSite.sharedPaperTitle(p % 4, p));
        });
        try (var db = stack.db()) {
            return Database.count(db, "SELECT count(*) - count(DISTINCT name) FROM professors WHERE name = ANY(?)",
                    db.createArrayOf("varchar", names.toArray()))
                    + Database.count(db, "SELECT count(*) - count(DISTINCT title) FROM papers WHERE title = ANY(?)",
                    db.createArrayOf("text", titles.toArray()));
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
