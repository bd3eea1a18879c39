package io.univinsight.monitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.EventJson;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.Topics;
import io.univinsight.events.WorkerHeartbeat;
import io.univinsight.monitor.browser.HeadlessChromium;

/**
 * The monitor over a real broker: events in, numbers out of the Kafka Streams stores through
 * /api/dashboard, its SSE stream, /q/metrics, the crawl health group and the web page.
 * Ordered: the first test's exact numbers assume no other events yet.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(StreamsStateDirResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestEvents events;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @TestHTTPResource("/")
    URL root;

    @Test
    @Order(1)
    void eventsShowOnTheDashboardWithExactNumbers() throws Exception {
        Instant now = Instant.now();
        events().sendRaw(Topics.TASK_STATUS, "bad", "{not json".getBytes(StandardCharsets.UTF_8));
        status("t1", TaskStatus.RUNNING, now.minusMillis(3000), "Uni A");
        status("t1", TaskStatus.COMPLETED, now, "Uni A");
        status("t2", TaskStatus.RUNNING, now.minusSeconds(2), "Uni A");
        status("t3", TaskStatus.RUNNING, now.minusSeconds(5), "Uni B");
        status("t3", TaskStatus.FAILED, now.minusSeconds(1), "Uni B");
        status("t4", TaskStatus.PENDING, now, "Uni B");
        send(Topics.RESULTS, "t1", result("t1", "Uni A", 2, 1));
        send(Topics.WORKER_HEARTBEATS, "w1", new WorkerHeartbeat(1, "w1", 1, 1, 3000, 1, "t2", now.minusSeconds(2), now));
        send(Topics.WORKER_HEARTBEATS, "w-gone", new WorkerHeartbeat(1, "w-gone", 5, 0, 9000, 0, null, null, now.minusSeconds(20)));
        // Waiting tasks: nothing consumes as group "crawler" here, so all of them are lag.
        events().sendRaw(Priority.HIGH.topic(), "u", "{}".getBytes(StandardCharsets.UTF_8));
        events().sendRaw(Priority.HIGH.topic(), "u", "{}".getBytes(StandardCharsets.UTF_8));
        events().sendRaw(Topics.TASKS_RETRY, "u", "{}".getBytes(StandardCharsets.UTF_8));

        awaitDashboard(d -> d.at("/metrics/total_tasks").asLong() == 4 && d.at("/metrics/professors_found").asLong() == 2
                && d.at("/queue/total_waiting").asLong() == 3 && d.at("/hourly_stats").size() > 0);
        // A fresh heartbeat: on a loaded machine the first one may be older than the 15 s that
        // counts a worker as active by now, and 3 waiting tasks with no worker is critical.
        send(Topics.WORKER_HEARTBEATS, "w1", new WorkerHeartbeat(1, "w1", 1, 1, 3000, 1, "t2", now.minusSeconds(2), Instant.now()));
        awaitDashboard(d -> d.at("/health/status").asText().equals("healthy"));
        given().get("/api/dashboard").then().statusCode(200)
                .body("metrics.total_tasks", equalTo(4))
                .body("metrics.pending", equalTo(1))
                .body("metrics.running", equalTo(1))
                .body("metrics.retrying", equalTo(0))
                .body("metrics.completed", equalTo(1))
                .body("metrics.failed", equalTo(1))
                .body("metrics.cancelled", equalTo(0))
                .body("metrics.success_rate", equalTo(0.5f))
                .body("metrics.avg_processing_ms", equalTo(3000))
                .body("metrics.p50_processing_ms", equalTo(3000))
                .body("metrics.p95_processing_ms", equalTo(3000))
                .body("metrics.professors_found", equalTo(2))
                .body("metrics.papers_found", equalTo(1))
                .body("workers", hasSize(1))
                .body("workers[0].worker_id", equalTo("w1"))
                .body("workers[0].completed", equalTo(1))
                .body("workers[0].busy_ms", equalTo(3000))
                .body("workers[0].current_task", equalTo("t2"))
                .body("queue.waiting.critical", equalTo(0))
                .body("queue.waiting.high", equalTo(2))
                .body("queue.waiting.normal", equalTo(0))
                .body("queue.waiting.low", equalTo(0))
                .body("queue.waiting.retry", equalTo(1))
                .body("queue.total_waiting", equalTo(3))
                .body("queue.lag_rising", equalTo(false))
                .body("queue.running", equalTo(1))
                .body("queue.completed", equalTo(1))
                .body("queue.failed", equalTo(1))
                .body("hourly_stats.tasks.sum()", equalTo(2))
                .body("hourly_stats.successes.sum()", equalTo(1))
                .body("hourly_stats.failures.sum()", equalTo(1))
                .body("universities", hasSize(2))
                .body("universities[0].university", equalTo("Uni A"))
                .body("universities[0].tasks", equalTo(2))
                .body("universities[0].results", equalTo(1))
                .body("universities[0].professors", equalTo(2))
                .body("universities[0].papers", equalTo(1))
                .body("universities[1].university", equalTo("Uni B"))
                .body("universities[1].tasks", equalTo(2))
                .body("universities[1].results", equalTo(0))
                // Only 2 finished tasks: too few to judge the 50% success rate.
                .body("health.status", equalTo("healthy"))
                .body("health.streams_state", equalTo("RUNNING"));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Kafka Streams"));
        // The page cannot be framed, sniffed, or made to run another origin's script.
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff");
        // The unreadable status event went to the monitor's dead-letter topic with its reason and origin.
        var dead = events().readAll(bootstrap, Topics.MONITOR_DLQ, 1);
        org.junit.jupiter.api.Assertions.assertEquals(1, dead.size(), "one dead letter");
        org.junit.jupiter.api.Assertions.assertEquals("{not json", new String(dead.get(0).value(), StandardCharsets.UTF_8));
        org.junit.jupiter.api.Assertions.assertTrue(new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8).startsWith("cannot be read"));
        org.junit.jupiter.api.Assertions.assertEquals(Topics.TASK_STATUS, new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.TOPIC).value(),
                StandardCharsets.UTF_8));
        // The crawl verdict is its own group, not part of readiness.
        given().get("/q/health").then().body("checks.name", not(hasItem("crawl")));
        given().get("/q/health/group/crawl").then().statusCode(200)
                .body("checks[0].name", equalTo("crawl"))
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.verdict", equalTo("healthy"));
    }

    @Test
    @Order(2)
    void prometheusMetricsCarryTheSameNumbers() throws Exception {
        Map<String, Double> expected = Map.ofEntries(
                Map.entry("univinsight_tasks{status=\"pending\"}", 1.0),
                Map.entry("univinsight_tasks{status=\"running\"}", 1.0),
                Map.entry("univinsight_tasks{status=\"completed\"}", 1.0),
                Map.entry("univinsight_tasks{status=\"failed\"}", 1.0),
                Map.entry("univinsight_tasks_finished_total{status=\"completed\"}", 1.0),
                Map.entry("univinsight_tasks_finished_total{status=\"failed\"}", 1.0),
                Map.entry("univinsight_tasks_finished_total{status=\"cancelled\"}", 0.0),
                Map.entry("univinsight_queue_lag{priority=\"critical\"}", 0.0),
                Map.entry("univinsight_queue_lag{priority=\"high\"}", 2.0),
                Map.entry("univinsight_queue_lag{priority=\"retry\"}", 1.0),
                Map.entry("univinsight_workers_active", 1.0),
                Map.entry("univinsight_success_ratio", 0.5),
                Map.entry("univinsight_health_level", 0.0),
                Map.entry("univinsight_task_duration_seconds_count", 1.0),
                Map.entry("univinsight_task_duration_seconds_sum", 3.0),
                Map.entry("univinsight_task_duration_seconds_bucket{le=\"2.0\"}", 0.0),
                Map.entry("univinsight_task_duration_seconds_bucket{le=\"5.0\"}", 1.0));
        Map<String, Double> seen = Map.of();
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            seen = PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
            if (seen.entrySet().containsAll(expected.entrySet())) {
                break;
            }
            Thread.sleep(250);
        }
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), seen.get(e.getKey()), e.getKey());
        }
    }

    @Test
    @Order(3)
    void theStreamSendsASnapshotEverySecond() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.toURI().resolve("api/dashboard/stream"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while (events.size() < 2 && (line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    events.add(EventJson.mapper().readTree(line.substring(5).trim()));
                }
            }
        }
        assertEquals(2, events.size());
        for (JsonNode e : events) {
            assertEquals(4, e.at("/metrics/total_tasks").asInt());
            assertEquals(1, e.at("/metrics/completed").asInt());
            assertEquals(3, e.at("/queue/total_waiting").asInt());
        }
        assertTrue(Instant.parse(events.get(1).get("generated_at").asText())
                .isAfter(Instant.parse(events.get(0).get("generated_at").asText())));
    }

    /** The browser test: Debian's headless Chromium renders / and the numbers it shows match the API. */
    @Test
    @Order(4)
    void theWebPageShowsTheApiNumbers() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(),
                "skipped: " + HeadlessChromium.BINARY + " is absent (apt-get install -y chromium chromium-driver)");
        // A fresh heartbeat, so w1 stays active between the page and the API read.
        send(Topics.WORKER_HEARTBEATS, "w1", new WorkerHeartbeat(1, "w1", 1, 1, 3000, 1, "t2", Instant.now().minusSeconds(2), Instant.now()));
        Thread.sleep(1500);
        Document page = HeadlessChromium.renderedDom(root.toURI().resolve("?live=0").toString());
        JsonNode api = getDashboard();

        assertEquals(api.at("/health/status").asText(), testId(page, "health-status").text());
        for (String m : List.of("total_tasks", "pending", "running", "retrying", "completed", "failed", "success_rate",
                "avg_processing_ms", "p50_processing_ms", "p95_processing_ms", "professors_found", "papers_found")) {
            assertEquals(api.at("/metrics/" + m).asText(), testId(page, "metric-" + m).attr("data-value"), m);
        }
        assertEquals("4", testId(page, "metric-total_tasks").text());
        assertEquals("50.0%", testId(page, "metric-success_rate").text());
        for (String q : List.of("critical", "high", "normal", "low", "retry")) {
            assertEquals(api.at("/queue/waiting/" + q).asText(), testId(page, "queue-" + q).text(), q);
        }
        assertEquals(api.at("/queue/total_waiting").asText(), testId(page, "queue-total").text());

        assertEquals(api.get("workers").size(), page.select("[data-testid=worker-row]").size());
        Element worker = page.selectFirst("[data-testid=worker-row][data-worker=w1]");
        assertEquals("1", worker.selectFirst("[data-testid=worker-completed]").text());
        assertEquals("t2", worker.selectFirst("[data-testid=worker-current_task]").text());

        var rows = page.select("[data-testid=university-row]");
        assertEquals(api.get("universities").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode u = api.get("universities").get(i);
            Element row = rows.get(i);
            assertEquals(u.get("university").asText(), row.attr("data-university"));
            for (String k : List.of("tasks", "results", "professors", "papers")) {
                assertEquals(u.get(k).asText(), row.selectFirst("[data-testid=university-" + k + "]").text(), k);
            }
        }
        // Columns line up: a numeric column's header is aligned like its numbers (both "num"), in every table with rows.
        for (Element table : page.select("table:has(thead):has(tbody tr)")) {
            var headers = table.select("thead th");
            for (Element tr : table.select("tbody tr")) {
                var cells = tr.select("td");
                for (int c = 0; c < Math.min(headers.size(), cells.size()); c++) {
                    assertEquals(cells.get(c).hasClass("num"), headers.get(c).hasClass("num"),
                            "column '" + headers.get(c).text() + "' of " + table.cssSelector() + ": header and values aligned differently");
                }
            }
        }
        // Charts: one bar pair and one point per hour, carrying the hour's numbers.
        long successes = 0;
        for (Element bar : page.select("#chart-throughput rect[data-successes]")) {
            successes += Long.parseLong(bar.attr("data-successes"));
        }
        assertEquals(api.get("hourly_stats").size(), page.select("#chart-timing circle").size());
        assertEquals(1, successes);
    }

    /**
     * Freshness: time from an event's send (acknowledged) to its effect on /api/dashboard, printed
     * (the README's row). Asserted: each new task shows within 10 s, counted exactly once.
     */
    @Test
    @Order(5)
    void freshnessIsMeasured() throws Exception {
        int events = 50;
        Duration bound = Duration.ofSeconds(10);
        long first = getDashboard().at("/metrics/total_tasks").asLong();
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long before = getDashboard().at("/metrics/total_tasks").asLong();
            long start = System.nanoTime();
            status("fresh-" + i, TaskStatus.PENDING, Instant.now(), "Fresh U");
            long shown = before;
            while (shown == before && System.nanoTime() - start < bound.toNanos()) {
                Thread.sleep(5);
                shown = getDashboard().at("/metrics/total_tasks").asLong();
            }
            assertEquals(before + 1, shown, "task fresh-" + i + " on the dashboard within " + bound + ", once");
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("FRESHNESS event produced -> visible on /api/dashboard over %d events: median %d ms, p95 %d ms, max %d ms, min %d ms%n",
                events, sorted.get(events / 2), sorted.get((int) Math.ceil(0.95 * events) - 1), sorted.get(events - 1), sorted.get(0));
        assertEquals(first + events, getDashboard().at("/metrics/total_tasks").asLong(), "every new task counted once");
    }

    /**
     * One bulk submission of many distinct universities must not grow every response and SSE frame with
     * it: the list holds the 100 universities with the most tasks (ties by name), says how many more
     * there are, and the professor and paper totals still count every university.
     */
    @Test
    @Order(6)
    void theUniversityListIsCappedAndTheTotalsCountEveryUniversity() throws Exception {
        int shown = 100;
        int bulk = 120;
        JsonNode before = getDashboard();
        int known = before.get("universities").size(); // Uni A, Uni B, Fresh U: fewer than the cap
        long tasksBefore = before.at("/metrics/total_tasks").asLong();
        long professorsBefore = before.at("/metrics/professors_found").asLong();
        long papersBefore = before.at("/metrics/papers_found").asLong();
        for (int i = 0; i < bulk; i++) {
            status("bulk-" + i, TaskStatus.PENDING, Instant.now(), String.format("Bulk %03d", i));
        }
        // A result of a university that falls outside the list: its professors and papers still count.
        send(Topics.RESULTS, "bulk-" + (bulk - 1), result("bulk-" + (bulk - 1), String.format("Bulk %03d", bulk - 1), 3, 2));
        awaitDashboard(d -> d.at("/metrics/total_tasks").asLong() == tasksBefore + bulk
                && d.at("/metrics/professors_found").asLong() == professorsBefore + 3);

        JsonNode d = getDashboard();
        JsonNode list = d.get("universities");
        assertEquals(shown, list.size(), "universities listed");
        assertEquals(known + bulk - shown, d.get("universities_not_shown").asInt(), "universities_not_shown");
        for (int i = 1; i < list.size(); i++) {
            JsonNode prev = list.get(i - 1);
            JsonNode next = list.get(i);
            boolean ordered = prev.get("tasks").asLong() > next.get("tasks").asLong()
                    || prev.get("tasks").asLong() == next.get("tasks").asLong()
                    && prev.get("university").asText().compareTo(next.get("university").asText()) < 0;
            assertTrue(ordered, "most tasks first, ties by name: " + prev + " before " + next);
        }
        assertEquals("Fresh U", list.get(0).get("university").asText());
        assertEquals(String.format("Bulk %03d", shown - known - 1), list.get(shown - 1).get("university").asText(),
                "the last one listed: the bulk universities have one task each and come in name order");
        assertEquals(professorsBefore + 3, d.at("/metrics/professors_found").asLong(), "professors of every university");
        assertEquals(papersBefore + 2, d.at("/metrics/papers_found").asLong(), "papers of every university");
        assertEquals(shown, firstStreamFrame().get("universities").size(), "universities in an SSE frame");
    }

    /** The web page lists what the API lists and says how many universities it leaves out. */
    @Test
    @Order(7)
    void theWebPageSaysHowManyUniversitiesItLeavesOut() throws Exception {
        Assumptions.assumeTrue(HeadlessChromium.installed(),
                "skipped: " + HeadlessChromium.BINARY + " is absent (apt-get install -y chromium chromium-driver)");
        Document page = HeadlessChromium.renderedDom(root.toURI().resolve("?live=0").toString());
        JsonNode api = getDashboard();
        int notShown = api.get("universities_not_shown").asInt();
        assertTrue(notShown > 0, "the test before left universities out");
        assertEquals(api.get("universities").size(), page.select("[data-testid=university-row]").size());
        assertEquals(String.valueOf(notShown), testId(page, "universities-not-shown").attr("data-value"));
        assertEquals("and " + notShown + " more with fewer tasks", testId(page, "universities-not-shown").text());
    }

    private JsonNode firstStreamFrame() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.toURI().resolve("api/dashboard/stream"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data:")) {
                    return EventJson.mapper().readTree(line.substring(5).trim());
                }
            }
        }
        throw new AssertionError("the stream ended without a frame");
    }

    /**
     * Cache hits (pages answered 304 or unchanged) reach the view, Prometheus and the page. Runs last:
     * it adds results, so it asserts on what they add to the totals before them.
     */
    @Test
    @Order(100)
    void cacheHitsShowAsARateAndBytesSaved() throws Exception {
        JsonNode before = getDashboard().get("metrics");
        long pages = before.get("pages_fetched").asLong() + 50;
        long hits = before.get("cache_hits").asLong() + 45;
        long saved = before.get("bytes_saved").asLong() + 3_000_000;
        send(Topics.RESULTS, "cache-1", cachedResult("cache-1", 40, 40, 2_500_000));
        send(Topics.RESULTS, "cache-2", cachedResult("cache-2", 10, 5, 500_000));
        send(Topics.RESULTS, "cache-1", cachedResult("cache-1", 40, 40, 2_500_000)); // redelivered: counts once
        awaitDashboard(d -> d.at("/metrics/pages_fetched").asLong() == pages && d.at("/metrics/cache_hits").asLong() == hits);
        double rate = Math.round((double) hits / pages * 10000) / 10000.0;
        JsonNode m = getDashboard().get("metrics");
        assertEquals(pages, m.get("pages_fetched").asLong());
        assertEquals(hits, m.get("cache_hits").asLong());
        assertEquals(saved, m.get("bytes_saved").asLong());
        assertEquals(rate, m.get("cache_hit_rate").asDouble());

        Map<String, Double> expected = Map.of("univinsight_cache_hits_total", (double) hits,
                "univinsight_pages_fetched_total", (double) pages,
                "univinsight_cache_bytes_saved_total", (double) saved,
                "univinsight_cache_hit_ratio", rate);
        awaitPrometheus(expected);
        // A counter (the exposition names its family with or without _total, by format version).
        assertTrue(java.util.regex.Pattern.compile("(?m)^# TYPE univinsight_cache_hits(_total)? counter$")
                .matcher(given().get("/q/metrics").asString()).find(), "univinsight_cache_hits_total is a counter");

        if (HeadlessChromium.installed()) {
            Document page = HeadlessChromium.renderedDom(root.toURI().resolve("?live=0").toString());
            assertEquals(String.valueOf(rate), testId(page, "metric-cache_hit_rate").attr("data-value"));
            assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100), testId(page, "metric-cache_hit_rate").text());
            assertEquals(String.valueOf(saved), testId(page, "metric-bytes_saved").attr("data-value"));
            assertEquals(hits + " of " + pages + " pages", testId(page, "metric-cache_hits").text());
        }
    }

    /** Tasks that found no professor reach the view and Prometheus by reason. Runs after the cache test, adding results too. */
    @Test
    @Order(101)
    void tasksThatFoundNobodyAreCountedByReason() throws Exception {
        JsonNode before = getDashboard().get("metrics");
        long renderNeeded = before.at("/tasks_without_professors_by_reason/render-needed").asLong() + 2;
        long noPeople = before.at("/tasks_without_professors_by_reason/no-people-found").asLong() + 1;
        long timeouts = before.at("/tasks_without_professors_by_reason/render-timeout").asLong() + 1;
        long rendered = before.get("pages_rendered").asLong() + 3;
        send(Topics.RESULTS, "empty-1", emptyResult("empty-1", CrawlResult.EMPTY_RENDER_NEEDED));
        send(Topics.RESULTS, "empty-2", emptyResult("empty-2", CrawlResult.EMPTY_RENDER_NEEDED));
        send(Topics.RESULTS, "empty-3", emptyResult("empty-3", CrawlResult.EMPTY_NO_PEOPLE_FOUND));
        send(Topics.RESULTS, "empty-4", new CrawlResult(1, "empty-4", "http://u/", "Empty U", null, List.of(), List.of(), 3, "", 0,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 45_000, 0, 0, 3), Instant.now(), "w1", 1, List.of(),
                CrawlResult.EMPTY_RENDER_TIMEOUT));
        send(Topics.RESULTS, "empty-1", emptyResult("empty-1", CrawlResult.EMPTY_RENDER_NEEDED)); // redelivered: counts once
        awaitDashboard(d -> d.at("/metrics/tasks_without_professors_by_reason/render-needed").asLong() == renderNeeded
                && d.at("/metrics/tasks_without_professors_by_reason/no-people-found").asLong() == noPeople
                && d.at("/metrics/tasks_without_professors_by_reason/render-timeout").asLong() == timeouts
                && d.at("/metrics/pages_rendered").asLong() == rendered);
        JsonNode metrics = getDashboard().get("metrics");
        long total = 0;
        for (String reason : CrawlResult.EMPTY_REASONS) {
            assertTrue(metrics.at("/tasks_without_professors_by_reason").has(reason), "every known reason is listed, " + reason);
            total += metrics.at("/tasks_without_professors_by_reason/" + reason).asLong();
        }
        assertEquals(total, metrics.get("tasks_without_professors").asLong());
        Map<String, Double> expected = Map.of(
                "univinsight_tasks_without_professors_total{reason=\"render-needed\"}", (double) renderNeeded,
                "univinsight_tasks_without_professors_total{reason=\"no-people-found\"}", (double) noPeople,
                "univinsight_tasks_without_professors_total{reason=\"render-timeout\"}", (double) timeouts);
        awaitPrometheus(expected);
        if (HeadlessChromium.installed()) {
            Document page = HeadlessChromium.renderedDom(root.toURI().resolve("?live=0").toString());
            assertEquals(String.valueOf(total), testId(page, "metric-tasks_without_professors").text());
            String byReason = testId(page, "metric-tasks_without_professors_by_reason").text();
            assertTrue(byReason.contains(renderNeeded + " render-needed") && byReason.contains(timeouts + " render-timeout"), byReason);
            assertEquals(String.valueOf(rendered), testId(page, "metric-pages_rendered").text());
        }
    }

    /** A result of thousands of papers (over 1 MB as JSON, as the crawler now sends) is counted, not dropped as an oversized record. */
    @Test
    @Order(102)
    void aResultOfThousandsOfPapersIsCounted() throws Exception {
        long papersBefore = getDashboard().at("/metrics/papers_found").asLong();
        List<CrawlResult.Paper> papers = new java.util.ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            papers.add(new CrawlResult.Paper("A long enough title of paper number " + i + " on crawling", List.of("Ada Lovelace", "B. Coauthor"),
                    2000 + i % 25, "Proceedings of the Analytical Society", "10.1000/paper." + i, null, List.of("Ada Lovelace")));
        }
        CrawlResult big = new CrawlResult(1, "big-1", "http://u/", "Big U", null, List.of(), papers, 240, "publications", 80,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), Instant.now(), "w1", 1);
        assertTrue(EventJson.mapper().writeValueAsBytes(big).length > 1_048_576, "over Kafka's default 1 MB");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", bootstrap, "max.request.size", 8 << 20, "compression.type", "lz4"),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.RESULTS, "big-1",
                    EventJson.mapper().writeValueAsBytes(big))).get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        awaitDashboard(d -> d.at("/metrics/papers_found").asLong() == papersBefore + 6_000);
    }

    /** Waits until /q/metrics carries every expected series value, then asserts each. */
    private static void awaitPrometheus(Map<String, Double> expected) throws InterruptedException {
        Map<String, Double> seen = Map.of();
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline) && !seen.entrySet().containsAll(expected.entrySet())) {
            Thread.sleep(250);
            seen = PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
        }
        for (var e : expected.entrySet()) {
            assertEquals(e.getValue(), seen.get(e.getKey()), e.getKey() + " in " + seen.keySet());
        }
    }

    private static CrawlResult emptyResult(String task, String reason) {
        return new CrawlResult(1, task, "http://u/", "Empty U", null, List.of(), List.of(), 1, "", 0,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), Instant.now(), "w1", 1, List.of(), reason);
    }

    private static CrawlResult cachedResult(String task, int pages, int hits, long saved) {
        return new CrawlResult(1, task, "http://u/", "Cache U", null, List.of(), List.of(), pages, "directory", 90,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, hits > 0, 0, hits, saved), Instant.now(), "w1", 1);
    }

    private JsonNode getDashboard() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(root.toURI().resolve("api/dashboard")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return EventJson.mapper().readTree(r.body());
    }

    private void awaitDashboard(Predicate<JsonNode> ready) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline) && !ready.test(getDashboard())) {
            Thread.sleep(200);
        }
    }

    private static Element testId(Document page, String id) {
        Element e = page.selectFirst("[data-testid=" + id + "]");
        if (e == null) {
            throw new AssertionError("no element data-testid=" + id + " in the rendered page");
        }
        return e;
    }

    private void status(String task, TaskStatus s, Instant at, String university) throws Exception {
        send(Topics.TASK_STATUS, task, new TaskStatusChanged(1, task, s, at, "w1", 1, null, "http://u/", university, Priority.HIGH));
    }

    private void send(String topic, String key, Object event) throws Exception {
        events().send(topic, key, event);
    }

    private TestEvents events() {
        if (events == null) {
            events = new TestEvents(bootstrap);
        }
        return events;
    }

    @AfterAll
    static void closeProducer() {
        if (events != null) {
            events.close();
        }
    }

    private static CrawlResult result(String task, String university, int professors, int papers) {
        List<CrawlResult.Professor> profs = new ArrayList<>();
        for (int i = 0; i < professors; i++) {
            profs.add(new CrawlResult.Professor("P" + i, "Professor", null, null, null, 1));
        }
        List<CrawlResult.Paper> paps = new ArrayList<>();
        for (int i = 0; i < papers; i++) {
            paps.add(new CrawlResult.Paper("Paper " + i, List.of(), 2020, null, null, null, List.of()));
        }
        return new CrawlResult(1, task, "http://u/", university, null, profs, paps, 1, "directory", 90,
                new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), Instant.now(), "w1", 1);
    }
}
