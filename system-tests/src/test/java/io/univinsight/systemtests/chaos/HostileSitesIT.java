package io.univinsight.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.ApiClient;
import io.univinsight.devstack.ChildJvm;
import io.univinsight.devstack.StackComponent;
import io.univinsight.testsupport.HostileSite;
import io.univinsight.testsupport.LoadSite;
import io.univinsight.systemtests.StackUnderTest;
import io.univinsight.systemtests.chaos.support.ChaosSize;
import io.univinsight.systemtests.chaos.support.Database;
import io.univinsight.systemtests.chaos.support.FaultTiming;
import io.univinsight.systemtests.chaos.support.Load;
import io.univinsight.systemtests.chaos.support.Outcome;
import io.univinsight.systemtests.chaos.support.ScenarioReport;

/**
 * Fault scenario 9, hostile sites: a tarpit, a redirect loop, an endless body, a gzip bomb, 100,000
 * links, broken HTML, wrong and bogus charsets, a 10 MB robots.txt and a byte-a-second body. Each
 * task ends (FAILED with a reason, or COMPLETED with a bounded result) within 2 minutes, the
 * crawler keeps sending heartbeats, and a batch of normal tasks on other hosts runs alongside at
 * close to the pace it has alone (ratio reported; only a generous bound asserted).
 */
class HostileSitesIT {
    private static final boolean FULL = ChaosSize.full();
    private static final int HOSTS = FULL ? 20 : 8;
    private static final int TASKS_PER_HOST = FULL ? 25 : 10;
    private static final Duration HOSTILE_BOUND = Duration.ofMinutes(2);
    private static StackUnderTest stack;
    private static LoadSite site;
    private static HostileSite hostile;

    @BeforeAll
    static void start() throws Exception {
        stack = new StackUnderTest(Map.of("CRAWLER_SSRF_ALLOWED_NETWORKS", "127.0.0.0/24", "CRAWLER_POLITENESS_DELAY", "100ms")).up(false);
        site = stack.startLoadSite(HOSTS, Duration.ofMillis(50));
        hostile = HostileSite.start(ChildJvm.freePort());
    }

    @AfterAll
    static void stop() {
        if (hostile != null) {
            hostile.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void hostileSitesAreContainedAndOtherHostsGoOnAtFullPace() throws Exception {
        Instant started = Instant.now();
        ApiClient api = new ApiClient(stack.settings().apiUrl());

        // Baseline: the normal batch alone.
        Batch alone = runBatch(api, 0, "Baseline University");

        // The hostile tasks, then the same size batch on the same hosts (new pages) alongside them.
        Map<String, HostileSite.Behaviour> hostileTasks = new LinkedHashMap<>();
        Instant hostileSubmitted = Instant.now();
        for (HostileSite.Behaviour b : HostileSite.Behaviour.values()) {
            JsonNode t = api.submit(hostile.url(b), "Hostile University", b.name(), "high", 2, 100);
            hostileTasks.put(t.path("taskId").asText(), b);
        }
        Batch alongside = runBatch(api, TASKS_PER_HOST + TASKS_PER_HOST % 2, "Alongside University"); // people come in pairs
        double ratio = alongside.took().toMillis() / (double) Math.max(1, alone.took().toMillis());

        // Every hostile task ends within the bound; the worker keeps beating meanwhile.
        Map<HostileSite.Behaviour, String> outcome = new TreeMap<>();
        Map<HostileSite.Behaviour, Long> endedAfter = new TreeMap<>();
        Instant deadline = hostileSubmitted.plus(HOSTILE_BOUND).plusSeconds(15);
        int beatChecks = 0;
        int beatsSeen = 0;
        while (Instant.now().isBefore(deadline) && outcome.size() < hostileTasks.size()) {
            for (Map.Entry<String, HostileSite.Behaviour> e : hostileTasks.entrySet()) {
                if (outcome.containsKey(e.getValue())) {
                    continue;
                }
                JsonNode t = api.task(e.getKey());
                String status = t.path("status").asText();
                if (status.equals("COMPLETED") || status.equals("FAILED")) {
                    outcome.put(e.getValue(), status + (status.equals("FAILED") ? " (" + t.path("lastError").asText() + ")"
                            : " (" + t.path("professorsCount").asInt() + " professors, "
                            + t.path("pagesFetched").asInt() + " pages)"));
                    endedAfter.put(e.getValue(), Duration.between(hostileSubmitted, Instant.now()).toSeconds());
                }
            }
            beatChecks++;
            if (workersHeardFrom() > 0) {
                beatsSeen++;
            }
            Thread.sleep(2000);
        }
        List<String> stuck = new ArrayList<>();
        for (Map.Entry<String, HostileSite.Behaviour> e : hostileTasks.entrySet()) {
            if (!outcome.containsKey(e.getValue())) {
                stuck.add(e.getValue() + " still " + api.task(e.getKey()).path("status").asText());
            }
        }
        long completed = outcome.values().stream().filter(s -> s.startsWith("COMPLETED")).count();
        long failed = outcome.values().stream().filter(s -> s.startsWith("FAILED")).count();
        long hostileProfessors = stack.count("SELECT count(*) FROM professors WHERE university_name = 'Hostile University'");
        long hostilePages = stack.count("SELECT coalesce(sum(pages_fetched), 0) FROM crawl_results r JOIN crawl_tasks t ON t.id = r.task_id"
                + " WHERE t.university_name = 'Hostile University'");
        boolean crawlerReady = stack.launcher().isReady(stack.settings().crawlerPort());
        // A hostile task stored twice (a crawl retried after a timeout must not add a second row).
        long hostileDuplicates = stack.count("SELECT count(*) - count(DISTINCT url) FROM crawl_tasks WHERE university_name = 'Hostile University'");

        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        StringBuilder notes = new StringBuilder(String.format("normal batch of %d: %.1f s alone, %.1f s alongside (ratio %.2f); ",
                HOSTS * TASKS_PER_HOST, alone.took().toMillis() / 1000.0, alongside.took().toMillis() / 1000.0, ratio));
        outcome.forEach((b, s) -> notes.append(b).append(' ').append(s).append(" at ").append(endedAfter.get(b)).append(" s; "));
        notes.append(stuck.isEmpty() ? "" : "stuck: " + stuck + "; ");
        notes.append(String.format("heartbeats seen %d/%d checks; hostile professors %d, pages %d", beatsSeen, beatChecks,
                hostileProfessors, hostilePages));
        new ScenarioReport("9 hostile sites", ChaosSize.SIZE, hostileTasks.size() + 2L * HOSTS * TASKS_PER_HOST,
                completed + alone.outcome().completed() + alongside.outcome().completed(), failed, stuck.size(),
                alone.outcome().duplicated() + alongside.outcome().duplicated() + hostileDuplicates, seconds, notes.toString()).append();

        assertTrue(stuck.isEmpty(), "every hostile task ended within " + HOSTILE_BOUND + ": " + stuck + "; crawler log: "
                + stack.launcher().logFile(StackComponent.CRAWLER));
        endedAfter.forEach((b, s) -> assertTrue(s <= HOSTILE_BOUND.toSeconds() + 15, b + " ended after " + s + " s"));
        assertTrue(outcome.get(HostileSite.Behaviour.TARPIT).startsWith("FAILED"), "the tarpit fails: " + outcome);
        assertTrue(outcome.get(HostileSite.Behaviour.REDIRECT_LOOP).startsWith("FAILED"), "the redirect loop fails: " + outcome);
        assertTrue(hostileProfessors <= 200, "a bounded result from the hostile hosts: " + hostileProfessors + " professors");
        assertEquals(beatChecks, beatsSeen, "the crawler sent heartbeats all along");
        assertTrue(crawlerReady, "the crawler is ready after the hostile sites");
        assertEquals(0, hostileDuplicates, "one task row per hostile URL");
        assertTrue(ratio < 3.0, String.format("normal hosts go on at pace beside the hostile ones: %.2fx", ratio));
    }

    /** A normal batch's time to complete, and its outcome in PostgreSQL. */
    private record Batch(Duration took, Outcome outcome) {
    }

    /** Submits one batch (TASKS_PER_HOST pages on each host, from firstPerson) and waits until all completed. */
    private static Batch runBatch(ApiClient api, int firstPerson, String university) throws Exception {
        Load load = new Load(site, university, HOSTS, firstPerson, HOSTS * TASKS_PER_HOST);
        Database db = stack::db;
        Instant t0 = Instant.now();
        load.submitBulk(api);
        Instant deadline = t0.plus(Duration.ofMinutes(FULL ? 8 : 3));
        while (Instant.now().isBefore(deadline) && load.completed(db) < load.size()) {
            Thread.sleep(250);
        }
        Duration took = Duration.between(t0, Instant.now());
        FaultTiming.sleep(2000); // the last result's professor and paper rows follow its status
        Outcome o = load.outcome(db);
        o.assertNoneLostOrDuplicated(university);
        o.assertAllCompleted(university);
        return new Batch(took, o);
    }

    private static int workersHeardFrom() {
        try {
            JsonNode d = new ApiClient(stack.settings().monitorUrl()).get("/api/dashboard");
            return d.path("workers").size();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
