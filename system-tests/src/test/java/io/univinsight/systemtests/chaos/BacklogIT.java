package io.univinsight.systemtests.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.univinsight.devstack.ApiClient;
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
import io.univinsight.systemtests.chaos.support.ScenarioReport;

/**
 * Fault scenario 7, a backlog: with the crawler stopped, a large mix of priorities is submitted
 * in bulk (10,000 per request); every process's memory and the broker's disk are measured before
 * and after; then the crawler starts and a part of the backlog drains, higher priorities first,
 * without an error.
 */
class BacklogIT {
    private static final int HOSTS = ChaosSize.pick(50, 160);
    /** -Dchaos.backlog.tasks=N overrides the size (to study the backlog between the reduced and full runs). */
    private static final int TASKS = Integer.getInteger("chaos.backlog.tasks", ChaosSize.pick(20_000, 1_000_000));
    private static final long RSS_LIMIT_MB = 1536;
    private static StackUnderTest stack;
    private static LoadSite site;
    private static Database db;

    @BeforeAll
    static void start() throws Exception {
        stack = new StackUnderTest(ChaosStack.stackEnv()).up(false);
        site = stack.startLoadSite(HOSTS, Duration.ofMillis(20));
        db = stack::db;
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** The crawler's default concurrency: tasks already running when the last higher-priority one starts. */
    private static final int CRAWLER_CONCURRENCY = 32;

    /** Per host, 1 task in 100 is critical, 3 are high, 36 normal, 60 low: every host has work of every priority. */
    static String priority(int i) {
        int slot = (i / HOSTS) % 100;
        return slot < 1 ? "critical" : slot < 4 ? "high" : slot < 40 ? "normal" : "low";
    }

    private static final List<String> RANKS = List.of("critical", "high", "normal", "low");

    static int rank(String priority) {
        return RANKS.indexOf(priority);
    }

    @Test
    void aBacklogKeepsMemoryFlatAndDrainsHigherPrioritiesFirst() throws Exception {
        Instant t0 = Instant.now();
        assertTrue(stack.launcher().running().get(StackComponent.CRAWLER).stop(Duration.ofSeconds(60)), "the crawler stops");
        Map<String, Long> rssBefore = ProcessMeasures.rss(stack);
        String kafkaBefore = ProcessMeasures.diskUse(stack.settings().dataDir("kafka"));

        Load load = new Load(site, "Chaos Seven University", HOSTS, 0, TASKS, BacklogIT::priority);
        ApiClient api = new ApiClient(stack.settings().apiUrl());
        Instant submitStart = Instant.now();
        int accepted = load.submitBulk(api, 0, TASKS);
        double submitSeconds = Duration.between(submitStart, Instant.now()).toMillis() / 1000.0;
        assertEquals(TASKS, accepted, "every task of the backlog accepted");

        // persistence writes a PENDING row per task; wait for it (bounded) before measuring again.
        Instant storedBy = Instant.now().plus(Duration.ofMinutes(ChaosSize.pick(3, 30)));
        long stored = 0;
        while (Instant.now().isBefore(storedBy)) {
            stored = Database.count(db, "SELECT count(*) FROM crawl_tasks WHERE university_name = ?", load.university);
            if (stored >= TASKS) {
                break;
            }
            FaultTiming.sleep(1000);
        }
        double storeSeconds = Duration.between(submitStart, Instant.now()).toMillis() / 1000.0;
        Map<String, Long> rssAfter = ProcessMeasures.rss(stack);
        String kafkaAfter = ProcessMeasures.diskUse(stack.settings().dataDir("kafka"));
        assertEquals(TASKS, stored, "a crawl_tasks row for every accepted task");

        // The first `checked` tasks to complete must be, but for the tasks already running beside
        // the last of them, the `checked` best-ranked ones: the ideal order's worst rank among them is `worstRank`.
        List<Integer> ranks = new ArrayList<>(TASKS);
        for (int i = 0; i < TASKS; i++) {
            ranks.add(rank(priority(i)));
        }
        java.util.Collections.sort(ranks);
        int checked = Math.min(ChaosSize.pick(800, 5_000), TASKS);
        int worstRank = ranks.get(checked - 1);
        int drain = checked + checked / 4; // and some of what follows
        ChaosStack.restart(stack, StackComponent.CRAWLER);
        Instant drainStart = Instant.now();
        long done = load.awaitFinished(db, drain, Duration.ofMinutes(ChaosSize.pick(4, 15)));
        double drainSeconds = Duration.between(drainStart, Instant.now()).toMillis() / 1000.0;
        Map<String, Long> rssDrained = ProcessMeasures.rss(stack);
        // Stop the crawler (gracefully) so the counts below are one consistent picture.
        assertTrue(stack.launcher().running().get(StackComponent.CRAWLER).stop(Duration.ofSeconds(60)), "the crawler stops");
        FaultTiming.sleep(3000);

        // The first `checked` tasks to complete, by completion time.
        List<String> order = new ArrayList<>();
        try (Connection c = db.open(); PreparedStatement st = c.prepareStatement(
                "SELECT priority FROM crawl_tasks WHERE university_name = ? AND status = 'COMPLETED' ORDER BY completed_at, id LIMIT ?")) {
            st.setString(1, load.university);
            st.setInt(2, checked);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    order.add(rs.getString(1));
                }
            }
        }
        Map<String, Integer> firstByPriority = new TreeMap<>();
        order.forEach(p -> firstByPriority.merge(p, 1, Integer::sum));
        long outOfOrder = order.stream().filter(p -> rank(p) > worstRank).count();
        int criticals = (int) order.stream().filter("critical"::equals).count();
        long criticalAmongFirst = order.subList(0, Math.min(order.size(), criticals)).stream().filter("critical"::equals).count();
        // The drained part checked like every scenario's load; the rest must be queued rows, not missing ones.
        Outcome o = load.outcome(db);
        long failed = o.failed();
        long completed = o.completed();
        long missing = o.lost() - o.queued();
        long duplicated = o.duplicated();
        long professorRows = o.professorRows();
        long paperRows = o.papersFound();

        String notes = String.format("submitted in %.0f s, stored in %.0f s; RSS MB before %s, after backlog %s, after drain %s; "
                + "kafka data %s -> %s; drained %d in %.0f s; first %d completed by priority %s, %d ranked below %s (criticals among the first as many: %d/%d); "
                + "professors %d, papers %d; %d still queued; %s",
                submitSeconds, storeSeconds, rssBefore, rssAfter, rssDrained, kafkaBefore, kafkaAfter, done, drainSeconds,
                order.size(), firstByPriority, outOfOrder, RANKS.get(worstRank), criticalAmongFirst, criticals, professorRows, paperRows, o.queued(), o.summary());
        new ScenarioReport("7 backlog, crawler stopped then started", ChaosSize.SIZE, TASKS, completed, failed, missing, duplicated,
                Duration.between(t0, Instant.now()).toMillis() / 1000.0, notes).append();

        o.assertDrainedPartStoredOnce("backlog drained in part");
        assertEquals(0, failed, "no task of the backlog failed");
        assertEquals(0, o.cancelled(), "no task of the backlog cancelled");
        assertTrue(done >= drain, "a part of the backlog drained: " + done + " of " + drain);
        for (String service : List.of("task-api", "persistence-service")) {
            for (Map<String, Long> rss : List.of(rssAfter, rssDrained)) {
                assertTrue(rss.getOrDefault(service, -1L) > 0 && rss.get(service) < RSS_LIMIT_MB, service + " RSS " + rss);
            }
        }
        // Higher priorities first: lower topics are paused while a higher one has work waiting, so
        // a lower-priority task can only finish among the first `checked` if it started beside the
        // last higher ones, that is, at most one per worker slot.
        assertEquals(checked, order.size(), "tasks completed");
        assertTrue(outOfOrder <= CRAWLER_CONCURRENCY, "of the first " + checked + " completed, " + outOfOrder
                + " ranked below " + RANKS.get(worstRank) + ": " + firstByPriority);
    }
}
