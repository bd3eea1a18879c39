package io.univinsight.monitor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
import io.univinsight.events.WorkerHeartbeat;

/** Every aggregate of the topology, with exact numbers. Times are event times ("at"). */
class MetricsTopologyTests {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant ARRIVAL = Instant.parse("2030-01-01T00:00:00Z");
    private TopologyTestDriver driver;
    private TestInputTopic<String, TaskStatusChanged> statuses;
    private TestInputTopic<String, CrawlResult> results;
    private TestInputTopic<String, WorkerHeartbeat> heartbeats;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        // As in application.properties: a malformed event is skipped, never stops the view.
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        driver = new TopologyTestDriver(new MetricsTopology().buildTopology(), props);
        statuses = driver.createInputTopic(Topics.TASK_STATUS, Serdes.String().serializer(), new JsonSerde<>(TaskStatusChanged.class));
        results = driver.createInputTopic(Topics.RESULTS, Serdes.String().serializer(), new JsonSerde<>(CrawlResult.class));
        heartbeats = driver.createInputTopic(Topics.WORKER_HEARTBEATS, Serdes.String().serializer(), new JsonSerde<>(WorkerHeartbeat.class));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    /** Record timestamps are deliberately far from "at": the topology must use event time. */
    private void status(String task, TaskStatus s, int attempt, Instant at) {
        status(task, s, attempt, at, "Uni A");
    }

    private void status(String task, TaskStatus s, int attempt, Instant at, String university) {
        statuses.pipeInput(task, new TaskStatusChanged(1, task, s, at, "w1", attempt, null, "http://u/", university, Priority.NORMAL), ARRIVAL);
    }

    private void finishedTask(String task, long startSecond, long endSecond, TaskStatus end) {
        status(task, TaskStatus.RUNNING, 1, T0.plusSeconds(startSecond));
        status(task, end, 1, T0.plusSeconds(endSecond));
    }

    private KeyValueStore<String, Long> byStatus() {
        return driver.getKeyValueStore(MetricsTopology.TASKS_BY_STATUS);
    }

    private DurationStats durations() {
        KeyValueStore<String, DurationStats> store = driver.getKeyValueStore(MetricsTopology.DURATIONS);
        return store.get(MetricsTopology.ALL);
    }

    private HourStats hour(Instant start) {
        WindowStore<String, HourStats> store = driver.getWindowStore(MetricsTopology.HOURLY);
        return store.fetch(MetricsTopology.ALL, start.toEpochMilli());
    }

    @Test
    void countsDurationsAndHourlyWindowsIgnoreDuplicatesAndLateRegressions() {
        status("t1", TaskStatus.RUNNING, 1, T0);
        status("t1", TaskStatus.COMPLETED, 1, T0.plusSeconds(10));
        status("t1", TaskStatus.COMPLETED, 1, T0.plusSeconds(10)); // duplicate
        status("t1", TaskStatus.RUNNING, 1, T0.plusSeconds(1));    // late, must not move it back
        status("t2", TaskStatus.RUNNING, 1, T0.plusSeconds(2));
        status("t2", TaskStatus.RETRYING, 1, T0.plusSeconds(3));
        status("t2", TaskStatus.RUNNING, 2, T0.plusSeconds(5));
        status("t2", TaskStatus.COMPLETED, 2, T0.plusSeconds(32)); // 30 s from its first start
        status("t3", TaskStatus.RUNNING, 1, T0.plusSeconds(4));
        status("t3", TaskStatus.FAILED, 1, T0.plusSeconds(6));
        status("t4", TaskStatus.PENDING, 0, T0.plusSeconds(6));
        status("t4", TaskStatus.RUNNING, 1, T0.plusSeconds(7));
        status("t5", TaskStatus.PENDING, 0, T0.plusSeconds(8));

        assertEquals(2L, byStatus().get("COMPLETED"));
        assertEquals(1L, byStatus().get("FAILED"));
        assertEquals(1L, byStatus().get("RUNNING"));
        assertEquals(1L, byStatus().get("PENDING"));
        assertEquals(0L, byStatus().get("RETRYING"));
        assertNull(byStatus().get("CANCELLED"));

        DurationStats d = durations();
        assertEquals(2, d.count());
        assertEquals(40_000, d.sumMs());
        assertEquals(List.of(10_000L, 30_000L), d.recentMs());
        assertEquals(20_000.0, d.averageMs());
        assertEquals(10_000L, d.percentileMs(0.5));
        assertEquals(30_000L, d.percentileMs(0.95));

        // Finished in the 10:00 hour: t1 (10 s), t2 (30 s), t3 failed (2 s).
        assertEquals(new HourStats(3, 2, 1, 3, 42_000), hour(T0));
        assertEquals(14_000, hour(T0).averageMs());

        KeyValueStore<String, Long> byUniversity = driver.getKeyValueStore(MetricsTopology.TASKS_BY_UNIVERSITY);
        assertEquals(5L, byUniversity.get("Uni A"));
    }

    @Test
    void percentilesAreNearestRankOverCompletedTasksOnly() {
        for (int i = 1; i <= 20; i++) {
            finishedTask("ok" + i, 0, i, TaskStatus.COMPLETED); // 1 s .. 20 s
        }
        finishedTask("bad", 0, 500, TaskStatus.FAILED);       // a failure's time is not a processing time
        finishedTask("gone", 0, 400, TaskStatus.CANCELLED);
        DurationStats d = durations();
        assertEquals(20, d.count());
        assertEquals(10_500.0, d.averageMs());
        assertEquals(10_000L, d.percentileMs(0.50));
        assertEquals(19_000L, d.percentileMs(0.95));
        assertEquals(1L, byStatus().get("CANCELLED"));
        // The hour counts every finished task; the cancelled one is neither success nor failure.
        assertEquals(new HourStats(22, 20, 1, 22, 210_000 + 500_000 + 400_000), hour(T0));
    }

    @Test
    void hourlyWindowsUseEventTimeAcceptLateEventsWithinGraceAndDropLaterOnes() {
        finishedTask("a", 3000, 3599, TaskStatus.COMPLETED); // 10:59:59, 599 s
        finishedTask("b", 3700, 3800, TaskStatus.COMPLETED); // 11:03:20, 100 s: stream time now 11:03:20
        finishedTask("c", 3000, 3590, TaskStatus.FAILED);    // 10:59:50, late but within the 10-minute grace
        assertEquals(new HourStats(2, 1, 1, 2, 1_189_000), hour(T0));
        assertEquals(594_500, hour(T0).averageMs());

        finishedTask("e", 4250, 4300, TaskStatus.COMPLETED); // 11:11:40: the 10:00 window is now closed
        finishedTask("f", 3000, 3100, TaskStatus.COMPLETED); // 10:51:40, too late for its hour: dropped there
        assertEquals(new HourStats(2, 1, 1, 2, 1_189_000), hour(T0));
        assertEquals(new HourStats(2, 2, 0, 2, 150_000), hour(T0.plusSeconds(3600)));
        assertNull(hour(T0.plusSeconds(7200)));

        // The late task still counts in the totals, which have no window.
        assertEquals(4L, byStatus().get("COMPLETED"));
        assertEquals(1L, byStatus().get("FAILED"));
        assertEquals(4, durations().count());
        assertEquals(599_000 + 100_000 + 50_000 + 100_000, durations().sumMs());
    }

    @Test
    void perUniversityTotalsCountEachTaskOnceAndFollowAReplacedResult() {
        status("t1", TaskStatus.RUNNING, 1, T0, "Uni A");
        status("t2", TaskStatus.RUNNING, 1, T0, "Uni A");
        status("t3", TaskStatus.RUNNING, 1, T0, "Uni B");
        status("t4", TaskStatus.RUNNING, 1, T0, null);
        results.pipeInput("t1", result("t1", "Uni A", 2, 1), T0);
        results.pipeInput("t1", result("t1", "Uni A", 2, 1), T0.plusSeconds(1)); // redelivered
        results.pipeInput("t2", result("t2", "Uni A", 1, 0), T0);
        results.pipeInput("t3", result("t3", "Uni B", 3, 2), T0);
        assertEquals(new UniversityStats(2, 3, 1), universities().get("Uni A"));
        assertEquals(new UniversityStats(1, 3, 2), universities().get("Uni B"));

        results.pipeInput("t1", result("t1", "Uni A", 1, 4), T0.plusSeconds(2)); // a later attempt replaces it
        assertEquals(new UniversityStats(2, 2, 4), universities().get("Uni A"));

        KeyValueStore<String, Long> tasks = driver.getKeyValueStore(MetricsTopology.TASKS_BY_UNIVERSITY);
        assertEquals(2L, tasks.get("Uni A"));
        assertEquals(1L, tasks.get("Uni B"));
        assertEquals(1L, tasks.get(MetricsTopology.UNKNOWN_UNIVERSITY));
    }

    @Test
    void workersKeepTheirLatestHeartbeat() {
        heartbeats.pipeInput("w1", new WorkerHeartbeat(1, "w1", 3, 1, 9_000, 1, "t9", T0, T0.plusSeconds(5)));
        heartbeats.pipeInput("w1", new WorkerHeartbeat(1, "w1", 4, 1, 12_000, 0, null, null, T0.plusSeconds(10)));
        heartbeats.pipeInput("w2", new WorkerHeartbeat(1, "w2", 0, 0, 0, 0, null, null, T0.plusSeconds(10)));
        KeyValueStore<String, WorkerHeartbeat> workers = driver.getKeyValueStore(MetricsTopology.WORKERS);
        assertEquals(4, workers.get("w1").completed());
        assertEquals(12_000, workers.get("w1").busyMs());
        assertNull(workers.get("w1").currentTaskId());
        List<String> ids = new ArrayList<>();
        try (var all = workers.all()) {
            all.forEachRemaining(kv -> ids.add(kv.key));
        }
        assertEquals(List.of("w1", "w2"), ids);
    }

    @Test
    void malformedEventsAreSkippedAndTheViewGoesOn() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        byte[] missingFields = "{\"taskId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        List<String> topics = new ArrayList<>(List.of(Topics.TASK_STATUS, Topics.RESULTS, Topics.WORKER_HEARTBEATS));
        for (String topic : topics) {
            TestInputTopic<String, byte[]> raw = driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
            raw.pipeInput("x", garbage);
            raw.pipeInput("x", missingFields);
        }
        finishedTask("t1", 0, 7, TaskStatus.COMPLETED);
        results.pipeInput("t1", result("t1", "Uni A", 1, 1), T0);
        assertEquals(1L, byStatus().get("COMPLETED"));
        assertEquals(7_000, durations().sumMs());
        assertEquals(new UniversityStats(1, 1, 1), universities().get("Uni A"));
    }

    @Test
    void cacheHitsAndBytesSavedAreSummedOverDistinctResults() {
        results.pipeInput("t1", cached("t1", 40, 30, 120_000, true), T0);
        results.pipeInput("t2", cached("t2", 10, 0, 0, false), T0);
        results.pipeInput("t1", cached("t1", 40, 30, 120_000, true), T0); // redelivered: counts once
        results.pipeInput("t3", result("t3", "Uni B", 0, 0), T0); // a crawler without conditional GET: 1 page, no hit
        KeyValueStore<String, ResultTotals> cache = driver.getKeyValueStore(MetricsTopology.CACHE_TOTALS);
        assertEquals(new ResultTotals(3, 51, 30, 120_000, 0, 0, Map.of()), cache.get(MetricsTopology.ALL));
        assertEquals(30.0 / 51, cache.get(MetricsTopology.ALL).hitRate(), 1e-12);
        // A later result of the same task replaces the first one's figures.
        results.pipeInput("t2", cached("t2", 10, 10, 5_000, true), T0);
        assertEquals(new ResultTotals(3, 51, 40, 125_000, 0, 0, Map.of()), cache.get(MetricsTopology.ALL));
    }

    @Test
    void tasksThatFoundNobodyAreCountedByReasonOverDistinctResults() {
        results.pipeInput("t1", empty("t1", CrawlResult.EMPTY_RENDER_NEEDED), T0);
        results.pipeInput("t2", empty("t2", CrawlResult.EMPTY_NO_PEOPLE_FOUND), T0);
        results.pipeInput("t1", empty("t1", CrawlResult.EMPTY_RENDER_NEEDED), T0); // redelivered: counts once
        results.pipeInput("t3", result("t3", "Uni B", 2, 0), T0); // found people: no reason
        KeyValueStore<String, ResultTotals> totals = driver.getKeyValueStore(MetricsTopology.CACHE_TOTALS);
        assertEquals(1, totals.get(MetricsTopology.ALL).withoutProfessors(CrawlResult.EMPTY_RENDER_NEEDED));
        assertEquals(1, totals.get(MetricsTopology.ALL).withoutProfessors(CrawlResult.EMPTY_NO_PEOPLE_FOUND));
        results.pipeInput("t2", result("t2", "Uni A", 1, 0), T0); // a retry that found someone replaces the empty result
        assertEquals(0, totals.get(MetricsTopology.ALL).withoutProfessors(CrawlResult.EMPTY_NO_PEOPLE_FOUND));
    }

    private static CrawlResult empty(String task, String reason) {
        return new CrawlResult(1, task, "http://u/", "Uni A", null, List.of(), List.of(), 1, "", 0,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), T0, "w1", 1, List.of(), reason);
    }

    private static CrawlResult cached(String task, int pages, int hits, long saved, boolean startPageHit) {
        return new CrawlResult(1, task, "http://u/", "Uni A", null, List.of(), List.of(), pages, "directory", 90,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, startPageHit, 0, hits, saved), T0, "w1", 1);
    }

    private KeyValueStore<String, UniversityStats> universities() {
        return driver.getKeyValueStore(MetricsTopology.UNIVERSITIES);
    }

    static CrawlResult result(String task, String university, int professors, int papers) {
        List<CrawlResult.Professor> profs = new ArrayList<>();
        for (int i = 0; i < professors; i++) {
            profs.add(new CrawlResult.Professor("P" + i, "Professor", null, null, null, 1));
        }
        List<CrawlResult.Paper> paps = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
            paps.add(new CrawlResult.Paper("Paper " + i, List.of(), 2020, null, null, null, List.of()));
        }
        return new CrawlResult(1, task, "http://u/", university, null, profs, paps, 1, "directory", 90,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), T0, "w1", 1);
    }
}
