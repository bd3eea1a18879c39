package io.univinsight.systemtests.chaos.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.ApiClient;
import io.univinsight.testsupport.LoadSite;

/**
 * A scenario's tasks: people firstPerson.. on hosts 0..hosts-1 of the load site, one profile
 * page each, submitted under the scenario's own university name. Task i is person
 * firstPerson + i / hosts on host i % hosts.
 */
public final class Load {
    public final String university;
    public final LoadSite site;
    public final int hosts;
    public final int firstPerson;
    public final int size;
    public final IntFunction<String> priority;
    /** accepted task id -> {host, person} of its page (tasks of other loads may be added: probes) */
    public final Map<String, int[]> accepted = new ConcurrentHashMap<>();

    public Load(LoadSite site, String university, int hosts, int firstPerson, int size, IntFunction<String> priority) {
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

    public Load(LoadSite site, String university, int hosts, int firstPerson, int size) {
        this(site, university, hosts, firstPerson, size, i -> "normal");
    }

    public int size() {
        return size;
    }

    public int host(int i) {
        return i % hosts;
    }

    public int person(int i) {
        return firstPerson + i / hosts;
    }

    public Map<String, Object> body(int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", site.url(host(i), person(i)));
        body.put("universityName", university);
        body.put("priority", priority.apply(i));
        body.put("maxDepth", 0);
        body.put("maxPages", 1);
        return body;
    }

    public void accept(String taskId, int index) {
        accepted.put(taskId, new int[] {host(index), person(index)});
    }

    /** Checks another load's accepted tasks (the single submits of a prober) with this one's. */
    public void absorb(Load other) {
        accepted.putAll(other.accepted);
    }

    /** Submits tasks from..to-1 in bulk requests of up to 10,000; returns how many were accepted. */
    public int submitBulk(ApiClient api, int from, int to) {
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

    public int submitBulk(ApiClient api) {
        int n = submitBulk(api, 0, size);
        assertEquals(size, n, "task-api accepted every task of " + university);
        return n;
    }

    /** Tasks of this university in crawl_tasks that have finished. */
    public long finished(Database db) throws SQLException {
        return Database.count(db, "SELECT count(*) FROM crawl_tasks WHERE university_name = ? AND status IN ('COMPLETED','FAILED','CANCELLED')", university);
    }

    public long completed(Database db) throws SQLException {
        return Database.count(db, "SELECT count(*) FROM crawl_tasks WHERE university_name = ? AND status = 'COMPLETED'", university);
    }

    /** Waits until at least this many tasks finished (or the timeout); returns the count then. */
    public long awaitFinished(Database db, long atLeast, Duration timeout) throws SQLException {
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
            FaultTiming.sleep(100);
        }
        return done;
    }

    /** Waits (bounded) until every accepted task is finished in crawl_tasks, then checks. */
    public Outcome awaitOutcome(Database db, Duration timeout) throws SQLException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                Set<String> done = Database.column(db, "SELECT id::text FROM crawl_tasks WHERE university_name = ? AND status IN ('COMPLETED','FAILED','CANCELLED')", university);
                if (done.containsAll(accepted.keySet())) {
                    break;
                }
            } catch (SQLException e) {
                // retried until the deadline
            }
            FaultTiming.sleep(500);
        }
        FaultTiming.sleep(2000); // let the last result's professor and paper rows follow their status
        return outcome(db);
    }

    /**
     * The checks. Every accepted task finished; each stored task of the university was one the
     * client was answered (else "unacknowledged", counted apart); and where a row can be stored
     * twice despite the unique keys, it was not: one task row per URL, one professor row per
     * person, one paper row per title, two links per professor, one metrics row per task.
     */
    public Outcome outcome(Database db) throws SQLException {
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

        long completedWithoutResult = Database.count(db, "SELECT count(*) FROM crawl_tasks t WHERE t.university_name = ? "
                + "AND t.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM crawl_results r WHERE r.task_id = t.id)", university);
        long completedWithoutMetrics = Database.count(db, "SELECT count(*) FROM crawl_tasks t WHERE t.university_name = ? "
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
            professorsFound = Database.count(c, "SELECT count(DISTINCT lower(email)) FROM professors WHERE lower(email) = ANY(?)", emailArray);
            professorRows = Database.count(c, "SELECT count(*) FROM professors WHERE university_name = ?", university);
            Array titleArray = c.createArrayOf("text", titles.toArray());
            paperRows = Database.count(c, "SELECT count(*) FROM papers WHERE title = ANY(?)", titleArray);
            papersFound = Database.count(c, "SELECT count(DISTINCT title) FROM papers WHERE title = ANY(?)", titleArray);
            links = Database.count(c, "SELECT count(*) FROM professor_papers pp JOIN professors p ON p.id = pp.professor_id "
                    + "WHERE p.university_name = ?", university);
        }
        return new Outcome(university, accepted.size(), completed, failed, cancelled, lostIds, reasons, unacknowledged,
                taskDuplicates, professorRows - professorsFound, paperRows - papersFound,
                Math.max(0, links - 2L * emails.size()), completedWithoutResult, completedWithoutMetrics,
                emails.size(), professorsFound, professorRows, titles.size(), papersFound, 2L * emails.size(), links);
    }

    private static final java.util.regex.Pattern LOAD_URL = java.util.regex.Pattern.compile("^http://127\\.0\\.0\\.(\\d+):\\d+/people/(\\d+)\\.html$");

    /** {host, person} of a load site's profile URL, or null for any other URL. */
    public static int[] hostAndPerson(String url) {
        java.util.regex.Matcher m = LOAD_URL.matcher(url);
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)) - 10, Integer.parseInt(m.group(2))} : null;
    }
}
