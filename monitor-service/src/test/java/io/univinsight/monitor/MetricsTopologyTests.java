package io.univinsight.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
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
import io.univinsight.monitor.streams.DurationStats;
import io.univinsight.monitor.streams.HourStats;
import io.univinsight.monitor.streams.MetricsTopology;
import io.univinsight.monitor.streams.UniversityStats;

class MetricsTopologyTests {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private TopologyTestDriver driver;
    private TestInputTopic<String, TaskStatusChanged> statuses;
    private TestInputTopic<String, CrawlResult> results;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitor-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(new MetricsTopology().buildTopology(), props);
        statuses = driver.createInputTopic(Topics.TASK_STATUS, Serdes.String().serializer(), new JsonSerde<>(TaskStatusChanged.class));
        results = driver.createInputTopic(Topics.RESULTS, Serdes.String().serializer(), new JsonSerde<>(CrawlResult.class));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void status(String task, TaskStatus s, int attempt, Instant at) {
        statuses.pipeInput(task, new TaskStatusChanged(1, task, s, at, "w1", attempt, null, "http://u/", "Uni A", Priority.NORMAL), at);
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
        status("t2", TaskStatus.COMPLETED, 2, T0.plusSeconds(32));
        status("t3", TaskStatus.RUNNING, 1, T0.plusSeconds(4));
        status("t3", TaskStatus.FAILED, 1, T0.plusSeconds(6));
        status("t4", TaskStatus.RUNNING, 1, T0.plusSeconds(7));

        KeyValueStore<String, Long> byStatus = driver.getKeyValueStore(MetricsTopology.TASKS_BY_STATUS);
        assertEquals(2L, byStatus.get("COMPLETED"));
        assertEquals(1L, byStatus.get("FAILED"));
        assertEquals(1L, byStatus.get("RUNNING"));
        assertEquals(0L, nullToZero(byStatus.get("RETRYING")));

        KeyValueStore<String, DurationStats> durations = driver.getKeyValueStore(MetricsTopology.DURATIONS);
        DurationStats d = durations.get("all");
        assertEquals(2, d.count());
        assertEquals(List.of(10_000L, 30_000L), d.recentMs());
        assertEquals(20_000.0, d.averageMs());
        assertEquals(10_000L, d.percentileMs(0.5));
        assertEquals(30_000L, d.percentileMs(0.95));

        WindowStore<String, HourStats> hourly = driver.getWindowStore(MetricsTopology.HOURLY);
        HourStats hour = hourly.fetch("all", T0.toEpochMilli());
        assertEquals(new HourStats(3, 2, 1, 42_000), hour);

        KeyValueStore<String, Long> byUniversity = driver.getKeyValueStore(MetricsTopology.TASKS_BY_UNIVERSITY);
        assertEquals(4L, byUniversity.get("Uni A"));
    }

    @Test
    void aLateEventWithinGraceCountsInItsOwnHour() {
        status("a", TaskStatus.RUNNING, 1, T0.plusSeconds(3000));
        status("a", TaskStatus.COMPLETED, 1, T0.plusSeconds(3599));
        status("b", TaskStatus.RUNNING, 1, T0.plusSeconds(3700));
        status("b", TaskStatus.COMPLETED, 1, T0.plusSeconds(3800)); // next hour
        status("c", TaskStatus.RUNNING, 1, T0.plusSeconds(3000));
        status("c", TaskStatus.FAILED, 1, T0.plusSeconds(3590));    // arrives late, 5 min after its hour
        WindowStore<String, HourStats> hourly = driver.getWindowStore(MetricsTopology.HOURLY);
        assertEquals(2, hourly.fetch("all", T0.toEpochMilli()).tasks());
        assertEquals(1, hourly.fetch("all", T0.toEpochMilli()).failures());
        assertEquals(1, hourly.fetch("all", T0.plusSeconds(3600).toEpochMilli()).tasks());
    }

    @Test
    void universityTotalsCountEachTaskResultOnce() {
        CrawlResult r = new CrawlResult(1, "t1", "http://u/", "Uni A", null,
                List.of(new CrawlResult.Professor("A B", "Professor", null, null, null, 1), new CrawlResult.Professor("C D", null, null, null, null, 1)),
                List.of(new CrawlResult.Paper("P", List.of(), 2020, null, null, null, List.of())), 3, "directory", 90,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), T0, "w1", 1);
        results.pipeInput("t1", r, T0);
        results.pipeInput("t1", r, T0.plusSeconds(1)); // redelivered
        KeyValueStore<String, UniversityStats> universities = driver.getKeyValueStore(MetricsTopology.UNIVERSITIES);
        assertEquals(new UniversityStats(1, 2, 1), universities.get("Uni A"));
    }

    private static long nullToZero(Long v) {
        return v == null ? 0 : v;
    }
}
