package io.univinsight.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.ApiClient;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.StackComponent;
import io.univinsight.testsupport.LoadSite;
import io.univinsight.systemtests.StackUnderTest;
import io.univinsight.systemtests.chaos.support.ChaosSize;
import io.univinsight.systemtests.chaos.support.ChaosStack;
import io.univinsight.systemtests.chaos.support.Database;
import io.univinsight.systemtests.chaos.support.FaultTiming;
import io.univinsight.systemtests.chaos.support.Load;
import io.univinsight.systemtests.chaos.support.Outcome;
import io.univinsight.systemtests.chaos.support.ProcessMeasures;

/**
 * Fault scenarios 1, 2, 3 and 6 on one stack, one after the other, each with its own university
 * and people: kill -9 of the crawler mid-load and a restart; two crawlers and one killed; kill -9
 * of persistence-service mid-batch and a restart; monitor-service killed, and its numbers equal
 * the database's again after its restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessFaultsIT {
    private static final int HOSTS = ChaosSize.pick(20, 50);
    private static final int TASKS = ChaosSize.pick(300, 2_000);
    /** A kill -9'd consumer holds its partitions until its session times out (45 s) on top of the load itself. */
    private static final Duration FINISH = Duration.ofMinutes(ChaosSize.pick(4, 10));
    private static StackUnderTest stack;
    private static LoadSite site;
    private static Database db;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        stack = new StackUnderTest(ChaosStack.stackEnv()).up(false);
        site = stack.startLoadSite(HOSTS, Duration.ofMillis(150));
        db = stack::db;
        api = new ApiClient(stack.settings().apiUrl());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void wholeStack() {
        ChaosStack.heal(stack, false);
    }

    @Test
    @Order(1)
    void crawlerKilledMidLoadAndRestarted() throws Exception {
        Instant t0 = Instant.now();
        Load load = new Load(site, "Chaos One University", HOSTS, 0, TASKS);
        load.submitBulk(api);
        long atKill = load.awaitFinished(db, TASKS / 3, Duration.ofMinutes(3));
        ManagedProcess crawler = stack.launcher().running().get(StackComponent.CRAWLER);
        crawler.kill();
        FaultTiming.sleep(2000);
        ChaosStack.restart(stack, StackComponent.CRAWLER);
        Outcome o = load.awaitOutcome(db, FINISH);
        o.report("1 crawler kill -9 + restart", t0, "killed with " + atKill + "/" + TASKS + " finished; "
                + ProcessMeasures.reRuns(stack, load.accepted.keySet()) + " tasks crawled twice");
        FaultTiming.assertMidLoad(atKill, TASKS / 3, TASKS, "the crawler killed");
        o.assertNoneLostOrDuplicated("crawler killed");
        o.assertAllCompleted("crawler killed");
    }

    @Test
    @Order(2)
    void oneOfTwoCrawlersKilledAndTheSurvivorFinishes() throws Exception {
        Instant t0 = Instant.now();
        ManagedProcess replica = stack.launcher().startCrawlerReplica(2);
        replica.awaitLogLine("Listening on", Duration.ofMinutes(3));
        Load load = new Load(site, "Chaos Two University", HOSTS, 100, TASKS);
        load.submitBulk(api);
        // Both crawlers must be running tasks of this load before one dies.
        Instant bothBy = Instant.now().plus(Duration.ofMinutes(3));
        long workers = 0;
        while (Instant.now().isBefore(bothBy)) {
            workers = Database.count(db, "SELECT count(DISTINCT worker_id) FROM crawl_tasks WHERE university_name = ? AND worker_id IS NOT NULL", load.university);
            if (workers >= 2 && load.finished(db) >= TASKS / 4) {
                break;
            }
            FaultTiming.sleep(100);
        }
        long atKill = load.finished(db);
        replica.kill();
        Set<String> survivorWorkers = Database.column(db, "SELECT DISTINCT worker_id FROM crawl_tasks WHERE university_name = ?", load.university);
        Outcome o = load.awaitOutcome(db, FINISH);
        long ranWorkers = Database.count(db, "SELECT count(DISTINCT worker_id) FROM crawl_tasks WHERE university_name = ?", load.university);
        o.report("2 one of 2 crawlers kill -9", t0, "killed replica with " + atKill + "/" + TASKS + " finished, "
                + workers + " workers before, " + ranWorkers + " in the final rows; "
                + ProcessMeasures.reRuns(stack, load.accepted.keySet()) + " tasks crawled twice");
        assertTrue(workers >= 2, "both crawlers ran tasks before the kill: " + survivorWorkers);
        // Up to two thirds: the kill waits for the replica's first task, and its partitions may come late.
        FaultTiming.assertMidLoad(atKill, TASKS / 4, TASKS * 2 / 3, TASKS, "one of two crawlers killed");
        o.assertNoneLostOrDuplicated("one of two crawlers killed");
        o.assertAllCompleted("one of two crawlers killed");
        assertTrue(stack.launcher().running().containsKey(StackComponent.CRAWLER), "the survivor still runs");
    }

    @Test
    @Order(3)
    void persistenceKilledMidBatchAndRestarted() throws Exception {
        Instant t0 = Instant.now();
        Load load = new Load(site, "Chaos Three University", HOSTS, 200, TASKS);
        load.submitBulk(api);
        long atKill = load.awaitFinished(db, TASKS / 3, Duration.ofMinutes(3));
        stack.launcher().running().get(StackComponent.PERSISTENCE).kill();
        // The crawler goes on producing results nobody stores for a while.
        FaultTiming.sleep(3000);
        ChaosStack.restart(stack, StackComponent.PERSISTENCE);
        Outcome o = load.awaitOutcome(db, FINISH);
        o.report("3 persistence kill -9 + restart", t0, "killed with " + atKill + "/" + TASKS + " stored as finished");
        FaultTiming.assertMidLoad(atKill, TASKS / 3, TASKS, "persistence killed");
        o.assertNoneLostOrDuplicated("persistence killed");
        o.assertAllCompleted("persistence killed");
    }

    @Test
    @Order(6)
    void monitorKilledAndItsNumbersComeBackEqualToTheDatabase() throws Exception {
        Instant t0 = Instant.now();
        stack.launcher().running().get(StackComponent.MONITOR).kill();
        // Work goes on while the monitor is away: it must catch up from the topics.
        int tasks = ChaosSize.pick(100, 500);
        Load load = new Load(site, "Chaos Six University", HOSTS, 300, tasks);
        load.submitBulk(api);
        Outcome o = load.awaitOutcome(db, FINISH);
        Instant restarted = Instant.now();
        ChaosStack.restart(stack, StackComponent.MONITOR);

        ApiClient monitor = new ApiClient(stack.settings().monitorUrl());
        Map<String, Long> dbNumbers = Map.of();
        Map<String, Long> shown = Map.of();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(ChaosSize.pick(3, 5)));
        while (Instant.now().isBefore(deadline)) {
            dbNumbers = databaseNumbers();
            try {
                shown = dashboardNumbers(monitor.get("/api/dashboard"));
            } catch (IllegalStateException notYet) {
                shown = Map.of();
            }
            if (shown.equals(dbNumbers)) {
                break;
            }
            FaultTiming.sleep(1000);
        }
        double caughtUp = Duration.between(restarted, Instant.now()).toMillis() / 1000.0;
        o.report("6 monitor kill -9 + restart", t0, String.format("dashboard %s after %.0f s; database %s",
                shown.equals(dbNumbers) ? "equal" : "DIFFERENT " + shown, caughtUp, dbNumbers));
        o.assertNoneLostOrDuplicated("monitor killed");
        o.assertAllCompleted("monitor killed");
        assertEquals(dbNumbers, shown, "the dashboard's numbers equal the database's after the monitor's restart");
    }

    /** completed, failed and cancelled tasks; professors and papers found (sums over results, as the monitor counts). */
    private static Map<String, Long> databaseNumbers() throws Exception {
        Map<String, Long> n = new LinkedHashMap<>();
        n.put("completed", stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'COMPLETED'"));
        n.put("failed", stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'FAILED'"));
        n.put("cancelled", stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'CANCELLED'"));
        n.put("professors_found", stack.count("SELECT coalesce(sum(professors_count), 0) FROM crawl_results"));
        n.put("papers_found", stack.count("SELECT coalesce(sum(papers_count), 0) FROM crawl_results"));
        n.put("professor_rows", stack.count("SELECT count(*) FROM professors"));
        return n;
    }

    private static Map<String, Long> dashboardNumbers(JsonNode dashboard) {
        JsonNode m = dashboard.path("metrics");
        Map<String, Long> n = new LinkedHashMap<>();
        n.put("completed", m.path("completed").asLong(-1));
        n.put("failed", m.path("failed").asLong(-1));
        n.put("cancelled", m.path("cancelled").asLong(-1));
        n.put("professors_found", m.path("professors_found").asLong(-1));
        n.put("papers_found", m.path("papers_found").asLong(-1));
        // Every LoadSite page shows one new person: the professors found equal the professor rows.
        n.put("professor_rows", m.path("professors_found").asLong(-1));
        return n;
    }
}
