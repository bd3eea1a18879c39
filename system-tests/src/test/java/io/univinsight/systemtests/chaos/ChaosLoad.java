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
import io.univinsight.devstack.LoadSite;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.PostgresServers;
import io.univinsight.devstack.StackComponent;
import io.univinsight.devstack.StackSettings;
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

    static Answer submitOne(String apiUrl, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/tasks")).timeout(Duration.ofSeconds(40))
                    .header("Content-Type", "application/json")
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
     * the next person of its plan; every id answered 202 is recorded, with a count per status.
     */
    static final class Prober implements AutoCloseable {
        private final Load load;
        private final String apiUrl;
        private final AtomicBoolean running = new AtomicBoolean(true);
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> oddAnswers = new ConcurrentLinkedQueue<>();
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
                int i = next++;
                Answer a = submitOne(apiUrl, load.body(i));
                statuses.merge(a.status(), 1, Integer::sum);
                if (a.status() == 202 && a.taskId() != null) {
                    load.accept(a.taskId(), i);
                } else if (a.status() != 503 && oddAnswers.size() < 5) {
                    oddAnswers.add(a.status() + " " + a.detail());
                }
                ChaosLoad.sleep(a.status() == 202 ? 50 : 200);
            }
        }

        int count(int status) {
            return statuses.getOrDefault(status, 0);
        }

        @Override
        public void close() {
            running.set(false);
            try {
                thread.join(60_000);
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

        /** The checks: every accepted task finished, once; one professor per email, one paper per title. */
        Outcome outcome(Database db) throws SQLException {
            Map<String, String[]> rows = new HashMap<>();
            try (Connection c = db.open(); PreparedStatement st = c.prepareStatement(
                    "SELECT id::text, status, coalesce(last_error, '') FROM crawl_tasks WHERE university_name = ?")) {
                st.setString(1, university);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    }
                }
            }
            long completed = 0;
            long failed = 0;
            long cancelled = 0;
            List<String> lostIds = new ArrayList<>();
            Map<String, Integer> reasons = new TreeMap<>();
            List<int[]> completedPeople = new ArrayList<>();
            for (Map.Entry<String, int[]> e : accepted.entrySet()) {
                String[] row = rows.get(e.getKey());
                String status = row == null ? "MISSING" : row[0];
                switch (status) {
                    case "COMPLETED" -> {
                        completed++;
                        completedPeople.add(e.getValue());
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
            long unacknowledged = rows.keySet().stream().filter(id -> !accepted.containsKey(id)).count();

            long resultDuplicates = count(db, "SELECT count(*) - count(DISTINCT r.task_id) FROM crawl_results r "
                    + "JOIN crawl_tasks t ON t.id = r.task_id WHERE t.university_name = ?", university);
            long completedWithoutResult = count(db, "SELECT count(*) FROM crawl_tasks t WHERE t.university_name = ? "
                    + "AND t.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM crawl_results r WHERE r.task_id = t.id)", university);

            List<String> emails = new ArrayList<>();
            Set<String> ownTitles = new HashSet<>();
            Set<String> sharedTitles = new HashSet<>();
            for (int[] hp : completedPeople) {
                emails.add(LoadSite.email(hp[0], hp[1]));
                ownTitles.add(LoadSite.ownPaperTitle(hp[0], hp[1]));
                sharedTitles.add(LoadSite.sharedPaperTitle(hp[0], hp[1]));
            }
            long professorRows;
            long professorsFound;
            long professorDuplicates;
            long paperDuplicates;
            long papersFound;
            long links;
            try (Connection c = db.open()) {
                Array emailArray = c.createArrayOf("varchar", emails.toArray());
                professorsFound = count(c, "SELECT count(DISTINCT lower(email)) FROM professors WHERE lower(email) = ANY(?)", emailArray);
                long rowsWithTheseEmails = count(c, "SELECT count(*) FROM professors WHERE lower(email) = ANY(?)", emailArray);
                professorRows = count(c, "SELECT count(*) FROM professors WHERE university_name = ?", university);
                // More than one row per email, and rows of this university that are none of its people's emails.
                long strangers = count(c, "SELECT count(*) FROM professors WHERE university_name = ? "
                        + "AND (email IS NULL OR NOT lower(email) = ANY(?))", university, emailArray);
                professorDuplicates = (rowsWithTheseEmails - professorsFound) + strangers;
                List<String> titles = new ArrayList<>(ownTitles);
                titles.addAll(sharedTitles);
                Array titleArray = c.createArrayOf("text", titles.toArray());
                long paperRows = count(c, "SELECT count(*) FROM papers WHERE title = ANY(?)", titleArray);
                papersFound = count(c, "SELECT count(DISTINCT title) FROM papers WHERE title = ANY(?)", titleArray);
                paperDuplicates = paperRows - papersFound;
                links = count(c, "SELECT count(*) FROM professor_papers pp JOIN professors p ON p.id = pp.professor_id "
                        + "WHERE p.university_name = ?", university);
            }
            long papersExpected = ownTitles.size() + sharedTitles.size();
            return new Outcome(university, accepted.size(), completed, failed, cancelled, lostIds, reasons, unacknowledged,
                    resultDuplicates, professorDuplicates, paperDuplicates, completedWithoutResult,
                    completedPeople.size(), professorsFound, professorRows, papersExpected, papersFound, links);
        }
    }

    /** A scenario's numbers, from PostgreSQL. */
    record Outcome(String university, long submitted, long completed, long failed, long cancelled, List<String> lostIds,
                   Map<String, Integer> failReasons, long unacknowledged, long resultDuplicates, long professorDuplicates,
                   long paperDuplicates, long completedWithoutResult, long professorsExpected, long professorsFound,
                   long professorRows, long papersExpected, long papersFound, long links) {
        long lost() {
            return lostIds.size();
        }

        long duplicated() {
            return resultDuplicates + professorDuplicates + paperDuplicates;
        }

        String summary() {
            StringBuilder s = new StringBuilder();
            s.append("professors ").append(professorsFound).append('/').append(professorsExpected)
                    .append(", papers ").append(papersFound).append('/').append(papersExpected);
            if (cancelled > 0) {
                s.append(", cancelled ").append(cancelled);
            }
            if (!failReasons.isEmpty()) {
                s.append(", failed: ").append(failReasons);
            }
            if (unacknowledged > 0) {
                s.append(", ").append(unacknowledged).append(" stored tasks never acknowledged");
            }
            if (completedWithoutResult > 0) {
                s.append(", ").append(completedWithoutResult).append(" COMPLETED without a result row");
            }
            if (duplicated() > 0) {
                s.append(", dup results/professors/papers ").append(resultDuplicates).append('/')
                        .append(professorDuplicates).append('/').append(paperDuplicates);
            }
            if (!lostIds.isEmpty()) {
                s.append(", lost e.g. ").append(lostIds.subList(0, Math.min(3, lostIds.size())));
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
            assertEquals(List.of(), lostIds, "lost tasks of " + university + " (" + context + ")");
            assertEquals(0, duplicated(), "duplicated rows of " + university + ": " + summary() + " (" + context + ")");
            assertEquals(0, completedWithoutResult, "completed tasks without a result row (" + context + ")");
            assertEquals(professorsExpected, professorsFound, "a professor row for every completed task (" + context + ")");
            assertEquals(papersExpected, papersFound, "a paper row for every paper of a completed task (" + context + ")");
            assertTrue(submitted > 0, "the scenario submitted tasks");
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
