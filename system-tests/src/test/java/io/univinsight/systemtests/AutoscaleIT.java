package io.univinsight.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.ApiClient;
import io.univinsight.devstack.StackComponent;
import io.univinsight.testsupport.LoadSite;

/**
 * ./univ up --autoscale: a backlog on many hosts makes the local HPA start crawler processes, the
 * partitions spread over them, and once the lag is gone they are stopped again; every task ends
 * COMPLETED exactly once, whichever process ran it.
 */
class AutoscaleIT {
    private static final int HOSTS = 20;
    private static final int TASKS_PER_HOST = 25;
    private static final int MAX_REPLICAS = 3;
    private static StackUnderTest stack;
    private static LoadSite site;

    @BeforeAll
    static void start() throws Exception {
        stack = new StackUnderTest(Map.of("UNIV_TASK_PARTITIONS", "6",
                "CRAWLER_SSRF_ALLOWED_NETWORKS", "127.0.0.0/24", "CRAWLER_POLITENESS_DELAY", "100ms")).up(false);
        site = stack.startLoadSite(HOSTS, Duration.ofMillis(300));
        Map<String, String> scaling = new LinkedHashMap<>();
        scaling.put("min", "1");
        scaling.put("max", String.valueOf(MAX_REPLICAS));
        scaling.put("sync", "2s");
        scaling.put("scale-down-window", "15s");
        stack.launcher().startAutoscaler(scaling);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void crawlersScaleUpUnderABacklogAndBackDownAfterItWithNoTaskLostOrDoubled() throws Exception {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            for (int p = 0; p < TASKS_PER_HOST; p++) {
                tasks.add(Map.of("url", site.url(h, p), "universityName", "Load University", "maxDepth", 0, "maxPages", 1));
            }
        }
        int total = tasks.size();
        JsonNode outcome = new ApiClient(stack.settings().apiUrl()).submitBulk(tasks);
        assertEquals(total, outcome.path("accepted").asInt(), outcome.toString());

        int mostReplicas = 1;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        long completed = 0;
        while (Instant.now().isBefore(deadline)) {
            mostReplicas = Math.max(mostReplicas, 1 + stack.launcher().crawlerReplicas().size());
            completed = stack.count("SELECT count(*) FROM crawl_tasks WHERE status = 'COMPLETED'");
            if (completed == total) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf("autoscale: %d tasks completed, at most %d crawler processes%n", completed, mostReplicas);
        assertEquals(total, completed, "every task completed (none lost); crawler log: " + stack.launcher().logFile(StackComponent.CRAWLER));
        assertEquals(MAX_REPLICAS, mostReplicas, "the backlog scaled the crawlers to the maximum");

        // Scale-down: with the lag at 0, the replicas stop once the 15 s window has passed.
        Instant downBy = Instant.now().plus(Duration.ofSeconds(120));
        while (!stack.launcher().crawlerReplicas().isEmpty() && Instant.now().isBefore(downBy)) {
            Thread.sleep(500);
        }
        String log = Files.readString(stack.launcher().logFile(StackComponent.AUTOSCALER));
        assertTrue(stack.launcher().crawlerReplicas().isEmpty(), "back to one crawler after the backlog; autoscaler log:\n" + log);
        assertTrue(log.contains("started crawler-service-2") && log.contains("stopped"), log);

        assertEquals(total, stack.count("SELECT count(*) FROM crawl_tasks"), "one row per task");
        assertEquals(total, stack.count("SELECT count(*) FROM crawl_results"), "one result per task");
        assertEquals(total, stack.count("SELECT count(DISTINCT task_id) FROM crawl_results"));
        assertEquals(total, stack.count("SELECT count(*) FROM professors"), "one professor row per person, none doubled");
        assertEquals(total, stack.count("SELECT count(DISTINCT email) FROM professors"));
        long workers = stack.count("SELECT count(DISTINCT worker_id) FROM crawl_tasks");
        assertTrue(workers >= 2, "the added crawler processes took partitions and ran tasks (workers: " + workers + ")");
    }
}
