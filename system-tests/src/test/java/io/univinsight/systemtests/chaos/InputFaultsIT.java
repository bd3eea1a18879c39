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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.StackComponent;
import io.univinsight.devstack.testing.LoadSite;
import io.univinsight.systemtests.StackUnderTest;
import io.univinsight.systemtests.chaos.support.AbuseTally;
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

    @Test
    @Order(2)
    void abusiveRequestsGetOnly4xxProblemsAndLeaveTheDatabaseIntact() throws Exception {
        Instant started = Instant.now();
        AbuseTally tally = new AbuseTally();
        Map<String, Long> before = tableCounts();
        List<String> strings = HostileInput.strings();
        Map<String, String> acceptedUniversity = new LinkedHashMap<>(); // accepted task id -> the university name it was sent with
        Map<String, Integer> personOfTask = new LinkedHashMap<>(); // the load site's person (on host person % 4) each task crawls
        List<String> protocolLevel = new ArrayList<>(); // refused by the HTTP codec or the connection, not by the API

        wrongKeysAreRefused(tally);
        hostileQueryParameters(tally, strings);
        hostilePathParameters(tally, strings);
        hostileSubmitFields(tally, strings, acceptedUniversity, personOfTask);
        hostileIdempotencyKeys(tally, strings, acceptedUniversity, personOfTask);
        malformedBodies(tally, acceptedUniversity);
        oversizedBodies(tally, protocolLevel);
        burstOfLargeChunkedBodies(tally, protocolLevel);
        rawSocketRequests(tally, protocolLevel);
        Flood flood = floodPastTheRateLimit(tally);

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

    /** Access: no key, a wrong key (a key with CRLF goes raw, below). */
    private static void wrongKeysAreRefused(AbuseTally tally) {
        FaultHttp anonymous = new FaultHttp(stack.settings().apiUrl(), null);
        assertEquals(401, tally.check("no key", anonymous.get("/api/tasks")).status());
        assertEquals(401, tally.check("wrong key", new FaultHttp(stack.settings().apiUrl(), "' OR 1=1 --").get("/api/tasks")).status());
    }

    /** Query parameters of every list/read endpoint, each hostile string (plus raw percent sequences). */
    private static void hostileQueryParameters(AbuseTally tally, List<String> strings) {
        for (Map.Entry<String, List<String>> e : HostileInput.queryParameters().entrySet()) {
            for (String param : e.getValue()) {
                List<String> values = new ArrayList<>();
                strings.forEach(s -> values.add(URLEncoder.encode(s, StandardCharsets.UTF_8)));
                values.addAll(HostileInput.RAW_VALUES);
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
    }

    private static void hostilePathParameters(AbuseTally tally, List<String> strings) {
        for (String s : strings) {
            String seg = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
            tally.check("GET task " + s, getRawOrClient("/api/tasks/" + seg));
            tally.check("POST cancel " + s, api.post("/api/tasks/" + seg + "/cancel", null, new byte[0]));
            tally.check("POST retry " + s, api.post("/api/tasks/" + seg + "/retry", null, new byte[0]));
            tally.check("GET professor " + s, getRawOrClient("/api/professors/" + seg));
        }
        for (String raw : HostileInput.RAW_VALUES) {
            tally.check("GET task raw " + raw, getRawOrClient("/api/tasks/" + raw));
            tally.check("GET professor raw " + raw, getRawOrClient("/api/professors/" + raw));
        }
    }

    /** Every field of a submit, each hostile string; accepted ones must be stored as exactly that text. */
    private static void hostileSubmitFields(AbuseTally tally, List<String> strings, Map<String, String> acceptedUniversity,
                                            Map<String, Integer> personOfTask) {
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
                FaultHttp.Answer a = tally.check("POST /api/tasks " + field + "=" + AbuseTally.abbreviate(s), api.postJson("/api/tasks", body));
                if (a.status() == 202) {
                    acceptedUniversity.put(a.json().path("taskId").asText(), String.valueOf(body.get("universityName")).strip());
                    personOfTask.put(a.json().path("taskId").asText(), person);
                }
            }
        }
    }

    /** Idempotency-Key values (the legal ones through the client; CRLF raw below). */
    private static void hostileIdempotencyKeys(AbuseTally tally, List<String> strings, Map<String, String> acceptedUniversity,
                                               Map<String, Integer> personOfTask) {
        for (String s : strings) {
            String key = s.replaceAll("[\\p{Cntrl}]", "").replaceAll("[^\\x20-\\x7E]", "?");
            if (key.isEmpty()) {
                continue;
            }
            int person = nextPerson.getAndIncrement();
            HttpRequest r = api.request("/api/tasks").header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + site.url(person % 4, person)
                            + "\",\"universityName\":\"Abuse University\",\"maxDepth\":0,\"maxPages\":1}")).build();
            FaultHttp.Answer a = tally.check("POST Idempotency-Key " + AbuseTally.abbreviate(key), api.send(r));
            if (a.status() == 202) {
                acceptedUniversity.put(a.json().path("taskId").asText(), "Abuse University");
                personOfTask.put(a.json().path("taskId").asText(), person);
            }
        }
    }

    private static void malformedBodies(AbuseTally tally, Map<String, String> acceptedUniversity) {
        for (HostileInput.Body b : HostileInput.malformedBodies()) {
            String what = "POST " + b.path() + " (" + b.contentType() + ") " + AbuseTally.abbreviate(b.text());
            FaultHttp.Answer a = tally.check(what, api.post(b.path(), b.contentType(), b.text().getBytes(StandardCharsets.UTF_8)));
            if (a.status() == 202) {
                a.json().path("tasks").forEach(t -> acceptedUniversity.put(t.path("taskId").asText(), "?"));
                if (a.json().has("taskId")) {
                    acceptedUniversity.put(a.json().path("taskId").asText(), "?");
                }
            }
        }
    }

    /** Over the size limits: a declared 17 MB body, and 17 MB chunked without a length; a 9 MB single task. */
    private static void oversizedBodies(AbuseTally tally, List<String> protocolLevel) {
        byte[] big = new byte[17 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        tally.check("POST 17 MB bulk with length", api.post("/api/tasks/bulk", "application/json", big));
        // Without a length it is read up to the 8 MB limit, then the connection is closed mid-upload (task-api
        // stops taking in a refused body); a client that reads while it sends may see the 413 first.
        FaultHttp.Answer chunked = api.send(api.request("/api/tasks/bulk").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        if (chunked.status() == 0) {
            protocolLevel.add("17 MB chunked: connection closed at the limit (" + AbuseTally.abbreviate(chunked.body()) + ")");
        } else {
            tally.check("POST 17 MB bulk chunked", chunked);
        }
        tally.check("POST 9 MB task with length", api.post("/api/tasks", "application/json", java.util.Arrays.copyOf(big, 9 << 20)));
    }

    /**
     * A burst of large chunked bodies at once, single and bulk (30 MB each, 16 in flight) against a
     * 256 MB heap: each is cut at its limit (413, or the connection closed mid-upload), none is held whole.
     */
    private static void burstOfLargeChunkedBodies(AbuseTally tally, List<String> protocolLevel) throws Exception {
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
    }

    /** Header injection and raw bytes, written on a socket (java.net.http refuses to send them). */
    private static void rawSocketRequests(AbuseTally tally, List<String> protocolLevel) {
        int port = stack.settings().apiPort();
        for (String r : HostileInput.rawRequests(KEY)) {
            FaultHttp.Answer a = FaultHttp.raw("127.0.0.1", port, r.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(a.header("X-Injected") == null && a.header("Set-Cookie") == null, "a header was injected: " + a.headers());
            if (a.status() >= 400 && a.status() < 500 && !a.isProblem() && (a.body().isEmpty() || a.contentType() == null)) {
                // refused by the HTTP codec before any application code: not the API's to shape
                protocolLevel.add(a.status() + " " + AbuseTally.abbreviate(r.split("\r\n")[0]));
                tally.countOnly(a.status());
            } else if (a.status() != 0) {
                tally.check("raw " + AbuseTally.abbreviate(r), a);
            }
        }
    }

    /** What the flood past the rate limit did: how many requests, in how long, and how many 429s lacked Retry-After. */
    private record Flood(int requests, double seconds, int retryAfterMissing) {
    }

    /** A flood past the rate limit with a key of its own: 429s with Retry-After, never a 5xx. */
    private static Flood floodPastTheRateLimit(AbuseTally tally) throws Exception {
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
        return new Flood(flood, floodSeconds, retryAfterMissing.get());
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
