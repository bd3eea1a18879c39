package io.univinsight.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.ApiClient;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.PostgresServers;
import io.univinsight.devstack.StackComponent;
import io.univinsight.devstack.StackSettings;
import io.univinsight.devstack.testing.LoadSite;
import io.univinsight.events.EventJson;
import io.univinsight.systemtests.StackUnderTest;

/**
 * What the fault scenarios share: the suite's size, a scenario's load on the {@link LoadSite}
 * (its own university name and people), restarting a process the test killed, and the checks in
 * PostgreSQL that give a {@link ScenarioReport} row (lost, duplicated).
 */
final class ChaosLoad {
    static final String SIZE = System.getProperty("chaos.size", "reduced");
    static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
    /** The launcher's database name (embedded or found PostgreSQL without an override). */
    private static final String DATABASE = "univinsight";

    private ChaosLoad() {
    }

    static boolean full() {
        return "full".equalsIgnoreCase(SIZE);
    }

    static int pick(int reduced, int full) {
        return full() ? full : reduced;
    }

    /** The launcher settings every scenario stack uses: loopback hosts allowed, a short politeness delay. */
    static Map<String, String> stackEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("CRAWLER_SSRF_ALLOWED_NETWORKS", "127.0.0.0/24");
        env.put("CRAWLER_POLITENESS_DELAY", "100ms");
        return env;
    }

    /** Opens a connection to the stack's database. */
    interface Database {
        Connection open() throws SQLException;
    }

    static Database embeddedDatabase(StackSettings s) {
        String url = PostgresServers.databaseUrl("jdbc:postgresql://127.0.0.1:" + s.embeddedPostgresPort() + "/postgres", DATABASE);
        return () -> java.sql.DriverManager.getConnection(url, user(), password());
    }

    private static String user() {
        return System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", PostgresServers.DEFAULT_USER);
    }

    private static String password() {
        return System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
    }

    // ---------------------------------------------------------------- processes

    /** Starts a killed component again through the launcher (same command, environment, log and PID file). */
    static ManagedProcess restart(StackUnderTest stack, StackComponent c) {
        stack.launcher().restart(c);
        return stack.launcher().running().get(c);
    }

    /** Restarts whatever a failed earlier scenario left stopped, so the next one starts whole. */
    static void heal(StackUnderTest stack, boolean embeddedPostgres) {
        Map<StackComponent, ManagedProcess> live = stack.launcher().running();
        List<StackComponent> order = new ArrayList<>();
        if (embeddedPostgres) {
            order.add(StackComponent.POSTGRES);
        }
        order.addAll(List.of(StackComponent.KAFKA, StackComponent.PERSISTENCE, StackComponent.TASK_API,
                StackComponent.CRAWLER, StackComponent.MONITOR));
        for (StackComponent c : order) {
            if (!live.containsKey(c)) {
                System.out.println("chaos: " + c.id() + " was not running; restarting it before the next scenario");
                restart(stack, c);
            }
        }
    }


    /** Resident memory of a process in MB (VmRSS of /proc/PID/status), -1 when unreadable. */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }

    /** RSS in MB of every process the launcher runs, by name. */
    static Map<String, Long> rss(StackUnderTest stack) {
        Map<String, Long> out = new TreeMap<>();
        stack.launcher().running().forEach((c, p) -> out.put(c.id(), rssMb(p.pid())));
        stack.launcher().crawlerReplicas().forEach((i, p) -> out.put("crawler-service-" + i, rssMb(p.pid())));
        return out;
    }

    /** "X MB on disk (Y MB of log segments)": du's block count, and the bytes in *.log files. */
    static String diskUse(Path dir) {
        long onDisk = -1;
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (du.waitFor() == 0) {
                onDisk = Long.parseLong(out.split("\\s+")[0]) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // no du: only the segment bytes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long segments;
        try (var files = Files.walk(dir)) {
            segments = files.filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f)).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum() / (1024 * 1024);
        } catch (IOException e) {
            segments = -1;
        }
        return onDisk + " MB on disk (" + segments + " MB of log segments)";
    }

    /**
     * How many of these tasks a crawler ran to completion more than once (at-least-once: a task
     * whose offset was not committed when its crawler died runs again), from the crawler logs
     * ("task ID completed: ..."), the killed process's log included.
     */
    static long reRuns(StackUnderTest stack, Set<String> taskIds) {
        Map<String, Integer> runs = new HashMap<>();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("task ([0-9a-f-]{36}) completed:");
        try (var files = Files.list(stack.settings().logDir())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("crawler-service")).toList()) {
                try (var lines = Files.lines(f)) {
                    lines.forEach(l -> {
                        java.util.regex.Matcher m = line.matcher(l);
                        if (m.find() && taskIds.contains(m.group(1))) {
                            runs.merge(m.group(1), 1, Integer::sum);
                        }
                    });
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
        return runs.values().stream().filter(n -> n > 1).count();
    }

    /**
     * A fault "mid-load": injected once the load reached its target share of finished tasks, and
     * while at least half of it (or what atMost leaves) was still to do, so the fault meets work in flight and queued.
     */
    static void assertMidLoad(long finishedAtFault, int target, int total, String fault) {
        assertMidLoad(finishedAtFault, target, total / 2, total, fault);
    }

    static void assertMidLoad(long finishedAtFault, int target, int atMost, int total, String fault) {
        assertTrue(finishedAtFault >= target && finishedAtFault <= atMost,
                fault + " mid-load: " + finishedAtFault + "/" + total + " finished then, expected " + target + " to " + atMost);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- submitting

    /** One POST /api/tasks answer: the HTTP status and the task id when accepted (-1: no answer). */
    record Answer(int status, String taskId, String detail) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Answer submitOne(String apiUrl, Map<String, Object> body, String idempotencyKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/tasks")).timeout(Duration.ofSeconds(40))
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String id = null;
            if (response.statusCode() == 202 || response.statusCode() == 200) {
                id = EventJson.mapper().readTree(response.body()).path("taskId").asText(null);
            }
            return new Answer(response.statusCode(), id, response.statusCode() >= 300 ? response.body() : null);
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted");
        }
    }

    /**
     * Submits single tasks one after the other on a background thread until stopped, each for
     * the next person of its plan, as the README tells a client to: each with its own
     * Idempotency-Key, and a 503 (or no answer, or 409 while the first try is in progress) retried
     * with the same key until it is answered with a task. Every id answered is recorded, with a
     * count per status and the time each 202's request was sent.
     */
    static final class Prober implements AutoCloseable {
        /** How long one person's submit is retried (an outage, then a claim left by a dead request: 30 s). */
        private static final Duration RESOLVE = Duration.ofMinutes(3);
        private final Load load;
        private final String apiUrl;
        private final String keyPrefix = "probe-" + java.util.UUID.randomUUID() + "-";
        private final AtomicBoolean running = new AtomicBoolean(true);
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> oddAnswers = new ConcurrentLinkedQueue<>();
        /** When the request of each 202 was sent. */
        final ConcurrentLinkedQueue<Instant> acceptedSentAt = new ConcurrentLinkedQueue<>();
        /** People whose submit got no task within {@link #RESOLVE}. */
        final ConcurrentLinkedQueue<Integer> unresolved = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private int next;

        Prober(Load load, String apiUrl) {
            this.load = load;
            this.apiUrl = apiUrl;
            this.thread = new Thread(this::loop, "chaos-prober");
            thread.setDaemon(true);
            thread.start();
        }

        private void loop() {
            while (running.get() && next < load.size()) {
                resolve(next++);
            }
        }

        /** One person's submit, retried with its key until it names a task (or a final 4xx, or the bound). */
        private void resolve(int i) {
            String key = keyPrefix + i;
            Instant giveUp = Instant.now().plus(RESOLVE);
            while (true) {
                Instant sent = Instant.now();
                Answer a = submitOne(apiUrl, load.body(i), key);
                statuses.merge(a.status(), 1, Integer::sum);
                if ((a.status() == 202 || a.status() == 200) && a.taskId() != null) {
                    if (a.status() == 202) {
                        acceptedSentAt.add(sent);
                    }
                    load.accept(a.taskId(), i);
                    ChaosLoad.sleep(50);
                    return;
                }
                boolean retriable = a.status() == 503 || a.status() == 409 || a.status() == -1;
                if (!retriable) {
                    if (oddAnswers.size() < 5) {
                        oddAnswers.add(a.status() + " " + a.detail());
                    }
                    return;
                }
                if (Instant.now().isAfter(giveUp)) {
                    unresolved.add(i);
                    return;
                }
                ChaosLoad.sleep(200);
            }
        }

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        /** 202s to requests sent in [from, to): none may be while the queue is down. */
        long acceptedSentBetween(Instant from, Instant to) {
            return acceptedSentAt.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
        }

        /** Starts no new person; the one being submitted is retried to its end. */
        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(RESOLVE.plusSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A scenario's tasks: people firstPerson.. on hosts 0..hosts-1 of the load site, one profile
     * page each, submitted under the scenario's own university name. Task i is person
     * firstPerson + i / hosts on host i % hosts.
     */
    static final class Load {
        final String university;
        final LoadSite site;
        final int hosts;
        final int firstPerson;
        final int size;
        final IntFunction<String> priority;
        /** accepted task id -> {host, person} of its page (tasks of other loads may be added: probes) */
        final Map<String, int[]> accepted = new ConcurrentHashMap<>();

        Load(LoadSite site, String university, int hosts, int firstPerson, int size, IntFunction<String> priority) {
            if (firstPerson % 2 != 0) {
                throw new IllegalArgumentException("people come in pairs (shared papers): start at an even number");
            }
            this.site = site;
            this.university = university;
            this.hosts = hosts;
            this.firstPerson = firstPerson;
            this.size = size;
            this.priority = priority;
        }

        Load(LoadSite site, String university, int hosts, int firstPerson, int size) {
            this(site, university, hosts, firstPerson, size, i -> "normal");
        }

        int size() {
            return size;
        }

        int host(int i) {
            return i % hosts;
        }

        int person(int i) {
            return firstPerson + i / hosts;
        }

        Map<String, Object> body(int i) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("url", site.url(host(i), person(i)));
            body.put("universityName", university);
            body.put("priority", priority.apply(i));
            body.put("maxDepth", 0);
            body.put("maxPages", 1);
            return body;
        }

        void accept(String taskId, int index) {
            accepted.put(taskId, new int[] {host(index), person(index)});
        }

        /** Checks another load's accepted tasks (the single submits of a prober) with this one's. */
        void absorb(Load other) {
            accepted.putAll(other.accepted);
        }

        /** Submits tasks from..to-1 in bulk requests of up to 10,000; returns how many were accepted. */
        int submitBulk(ApiClient api, int from, int to) {
            int count = 0;
            for (int start = from; start < to; start += 10_000) {
                int end = Math.min(to, start + 10_000);
                List<Map<String, Object>> bodies = new ArrayList<>(end - start);
                Map<String, Integer> indexByUrl = new HashMap<>();
                for (int i = start; i < end; i++) {
                    Map<String, Object> b = body(i);
                    bodies.add(b);
                    indexByUrl.put((String) b.get("url"), i);
                }
                JsonNode outcome = api.submitBulk(bodies);
                for (JsonNode t : outcome.path("tasks")) {
                    accept(t.path("taskId").asText(), indexByUrl.get(t.path("url").asText()));
                    count++;
                }
            }
            return count;
        }

        int submitBulk(ApiClient api) {
            int n = submitBulk(api, 0, size);
            assertEquals(size, n, "task-api accepted every task of " + university);
            return n;
        }

        /** Tasks of this university in crawl_tasks that have finished. */
        long finished(Database db) throws SQLException {
            return count(db, "SELECT count(*) FROM crawl_tasks WHERE university_name = ? AND status IN ('COMPLETED','FAILED','CANCELLED')", university);
        }

        long completed(Database db) throws SQLException {
            return count(db, "SELECT count(*) FROM crawl_tasks WHERE university_name = ? AND status = 'COMPLETED'", university);
        }

        /** Waits until at least this many tasks finished (or the timeout); returns the count then. */
        long awaitFinished(Database db, long atLeast, Duration timeout) throws SQLException {
            Instant deadline = Instant.now().plus(timeout);
            long done = -1;
            while (Instant.now().isBefore(deadline)) {
                try {
                    done = finished(db);
                } catch (SQLException e) {
                    done = -1; // the database may be the fault
                }
                if (done >= atLeast) {
                    return done;
                }
                sleep(100);
            }
            return done;
        }

        /** Waits (bounded) until every accepted task is finished in crawl_tasks, then checks. */
        Outcome awaitOutcome(Database db, Duration timeout) throws SQLException {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                try {
                    Set<String> done = column(db, "SELECT id::text FROM crawl_tasks WHERE university_name = ? AND status IN ('COMPLETED','FAILED','CANCELLED')", university);
                    if (done.containsAll(accepted.keySet())) {
                        break;
                    }
                } catch (SQLException e) {
                    // retried until the deadline
                }
                sleep(500);
            }
            sleep(2000); // let the last result's professor and paper rows follow their status
            return outcome(db);
        }

        /**
         * The checks. Every accepted task finished; each stored task of the university was one the
         * client was answered (else "unacknowledged", counted apart); and where a row can be stored
         * twice despite the unique keys, it was not: one task row per URL, one professor row per
         * person, one paper row per title, two links per professor, one metrics row per task.
         */
        Outcome outcome(Database db) throws SQLException {
            Map<String, String[]> rows = new HashMap<>();
            try (Connection c = db.open(); PreparedStatement st = c.prepareStatement(
                    "SELECT id::text, status, coalesce(last_error, ''), url FROM crawl_tasks WHERE university_name = ?")) {
                st.setString(1, university);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            long completed = 0;
            long failed = 0;
            long cancelled = 0;
            List<String> lostIds = new ArrayList<>();
            Map<String, Integer> reasons = new TreeMap<>();
            List<int[]> storedPeople = new ArrayList<>();
            for (Map.Entry<String, int[]> e : accepted.entrySet()) {
                String[] row = rows.get(e.getKey());
                String status = row == null ? "MISSING" : row[0];
                switch (status) {
                    case "COMPLETED" -> {
                        completed++;
                        storedPeople.add(e.getValue());
                    }
                    case "FAILED" -> {
                        failed++;
                        String reason = row[1].length() > 60 ? row[1].substring(0, 60) : row[1];
                        reasons.merge(reason, 1, Integer::sum);
                    }
                    case "CANCELLED" -> cancelled++;
                    default -> lostIds.add(e.getKey() + " (" + status + ")");
                }
            }
            // Stored, yet never answered to the client with its id: not a duplicate, but its person's rows are expected.
            List<String> unacknowledged = new ArrayList<>();
            rows.forEach((id, row) -> {
                if (!accepted.containsKey(id)) {
                    unacknowledged.add(row[2] + " (" + row[0] + ")");
                    int[] hp = hostAndPerson(row[2]);
                    if (hp != null && "COMPLETED".equals(row[0])) {
                        storedPeople.add(hp);
                    }
                }
            });
            long taskDuplicates = rows.size() - rows.values().stream().map(r -> r[2]).distinct().count();

            long completedWithoutResult = count(db, "SELECT count(*) FROM crawl_tasks t WHERE t.university_name = ? "
                    + "AND t.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM crawl_results r WHERE r.task_id = t.id)", university);
            long completedWithoutMetrics = count(db, "SELECT count(*) FROM crawl_tasks t WHERE t.university_name = ? "
                    + "AND t.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM crawl_metrics m WHERE m.task_id = t.id)", university);

            Set<String> emails = new HashSet<>();
            Set<String> titles = new HashSet<>();
            for (int[] hp : storedPeople) {
                emails.add(LoadSite.email(hp[0], hp[1]));
                titles.add(LoadSite.ownPaperTitle(hp[0], hp[1]));
                titles.add(LoadSite.sharedPaperTitle(hp[0], hp[1]));
            }
            long professorRows;
            long professorsFound;
            long paperRows;
            long papersFound;
            long links;
            try (Connection c = db.open()) {
                Array emailArray = c.createArrayOf("varchar", emails.toArray());
                professorsFound = count(c, "SELECT count(DISTINCT lower(email)) FROM professors WHERE lower(email) = ANY(?)", emailArray);
                professorRows = count(c, "SELECT count(*) FROM professors WHERE university_name = ?", university);
                Array titleArray = c.createArrayOf("text", titles.toArray());
                paperRows = count(c, "SELECT count(*) FROM papers WHERE title = ANY(?)", titleArray);
                papersFound = count(c, "SELECT count(DISTINCT title) FROM papers WHERE title = ANY(?)", titleArray);
                links = count(c, "SELECT count(*) FROM professor_papers pp JOIN professors p ON p.id = pp.professor_id "
                        + "WHERE p.university_name = ?", university);
            }
            return new Outcome(university, accepted.size(), completed, failed, cancelled, lostIds, reasons, unacknowledged,
                    taskDuplicates, professorRows - professorsFound, paperRows - papersFound,
                    Math.max(0, links - 2L * emails.size()), completedWithoutResult, completedWithoutMetrics,
                    emails.size(), professorsFound, professorRows, titles.size(), papersFound, 2L * emails.size(), links);
        }
    }

    private static final java.util.regex.Pattern LOAD_URL = java.util.regex.Pattern.compile("^http://127\\.0\\.0\\.(\\d+):\\d+/people/(\\d+)\\.html$");

    /** {host, person} of a load site's profile URL, or null for any other URL. */
    static int[] hostAndPerson(String url) {
        java.util.regex.Matcher m = LOAD_URL.matcher(url);
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)) - 10, Integer.parseInt(m.group(2))} : null;
    }

    /**
     * A scenario's numbers, from PostgreSQL. The duplicates are counted where the unique keys
     * leave room for them (crawl_results and crawl_metrics have one row per task by their key):
     * task rows beyond one per URL, professor rows of the university beyond one per person
     * found, paper rows beyond one per title, professor-paper links beyond two per person.
     */
    record Outcome(String university, long submitted, long completed, long failed, long cancelled, List<String> lostIds,
                   Map<String, Integer> failReasons, List<String> unacknowledged, long taskDuplicates, long professorDuplicates,
                   long paperDuplicates, long linkDuplicates, long completedWithoutResult, long completedWithoutMetrics,
                   long professorsExpected, long professorsFound, long professorRows, long papersExpected, long papersFound,
                   long linksExpected, long links) {
        long lost() {
            return lostIds.size();
        }

        long duplicated() {
            return taskDuplicates + professorDuplicates + paperDuplicates + linkDuplicates;
        }

        String summary() {
            StringBuilder s = new StringBuilder();
            s.append("professors ").append(professorsFound).append('/').append(professorsExpected)
                    .append(", papers ").append(papersFound).append('/').append(papersExpected)
                    .append(", links ").append(links).append('/').append(linksExpected);
            if (cancelled > 0) {
                s.append(", cancelled ").append(cancelled);
            }
            if (!failReasons.isEmpty()) {
                s.append(", failed: ").append(failReasons);
            }
            if (!unacknowledged.isEmpty()) {
                s.append(", ").append(unacknowledged.size()).append(" stored tasks never acknowledged e.g. ")
                        .append(unacknowledged.subList(0, Math.min(3, unacknowledged.size())));
            }
            if (completedWithoutResult > 0) {
                s.append(", ").append(completedWithoutResult).append(" COMPLETED without a result row");
            }
            if (completedWithoutMetrics > 0) {
                s.append(", ").append(completedWithoutMetrics).append(" COMPLETED without a metrics row");
            }
            if (duplicated() > 0) {
                s.append(", dup tasks/professors/papers/links ").append(taskDuplicates).append('/')
                        .append(professorDuplicates).append('/').append(paperDuplicates).append('/').append(linkDuplicates);
            }
            if (!lostIds.isEmpty()) {
                s.append(", ").append(lostIds.size()).append(" not finished e.g. ").append(lostIds.subList(0, Math.min(3, lostIds.size())));
            }
            return s.toString();
        }

        ScenarioReport report(String scenario, Instant started, String notes) {
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            String all = notes == null || notes.isBlank() ? summary() : notes + "; " + summary();
            return new ScenarioReport(scenario, SIZE, submitted, completed, failed, lost(), duplicated(), seconds, all).append();
        }

        /** The goal of every scenario: nothing lost, nothing stored twice, and the data of every completed task stored. */
        void assertNoneLostOrDuplicated(String context) {
            assertTrue(submitted > 0, "the scenario submitted tasks");
            assertEquals(List.of(), lostIds, "lost tasks of " + university + " (" + context + ")");
            assertEquals(List.of(), unacknowledged, "stored tasks of " + university + " never acknowledged to their client: " + summary()
                    + " (" + context + ")");
            assertCompletedStoredOnce(context);
        }

        /** Accepted tasks not finished yet but stored as queued or running (the rest of lostIds have no row or an unknown status). */
        long queued() {
            return lostIds.stream().filter(id -> id.endsWith("(PENDING)") || id.endsWith("(RUNNING)") || id.endsWith("(RETRYING)")).count();
        }

        /**
         * A backlog only partly drained: every accepted task has its row, finished or still queued
         * (none missing), and the finished part is checked like any scenario's: stored once, with
         * every professor, paper, link, result and metrics row.
         */
        void assertDrainedPartStoredOnce(String context) {
            assertTrue(submitted > 0, "the scenario submitted tasks");
            assertEquals(lost(), queued(), "accepted tasks without a row (not queued, not finished) of " + university + ": " + summary());
            assertEquals(List.of(), unacknowledged, "stored tasks never acknowledged: " + summary() + " (" + context + ")");
            assertCompletedStoredOnce(context);
        }

        /** The completed tasks' data: stored once, with every result, metrics, professor, paper and link row. */
        private void assertCompletedStoredOnce(String context) {
            assertEquals(0, duplicated(), "duplicated rows of " + university + ": " + summary() + " (" + context + ")");
            assertEquals(0, completedWithoutResult, "completed tasks without a result row (" + context + ")");
            assertEquals(0, completedWithoutMetrics, "completed tasks without a metrics row (" + context + ")");
            assertEquals(professorsExpected, professorsFound, "a professor row for every completed task (" + context + ")");
            assertEquals(papersExpected, papersFound, "a paper row for every paper of a completed task (" + context + ")");
            assertEquals(linksExpected, links, "each professor linked to its two papers (" + context + ")");
        }

        /** Where the fault must not fail a task: every accepted task COMPLETED (none FAILED or CANCELLED). */
        void assertAllCompleted(String context) {
            assertEquals(0, failed, "FAILED tasks of " + university + ": " + failReasons + " (" + context + ")");
            assertEquals(0, cancelled, "CANCELLED tasks of " + university + " (" + context + ")");
            assertEquals(submitted, completed, "every accepted task of " + university + " COMPLETED (" + context + ")");
        }
    }

    static long count(Database db, String sql, Object... params) throws SQLException {
        try (Connection c = db.open()) {
            return count(c, sql, params);
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Set<String> column(Database db, String sql, Object... params) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = db.open(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
