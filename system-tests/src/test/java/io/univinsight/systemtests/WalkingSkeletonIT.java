package io.univinsight.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.univinsight.devstack.ApiClient;
import io.univinsight.devstack.DemoRun;
import io.univinsight.devstack.DevStackClasspath;
import io.univinsight.devstack.StackSettings;
import io.univinsight.deployment.MetricNames;
import io.univinsight.events.EventJson;

/**
 * One crawl end to end through real processes: the launcher starts a KRaft broker, the four
 * services and the demo university on free ports; POST /api/tasks → crawler → events →
 * persistence → PostgreSQL rows → task status COMPLETED → monitor dashboard numbers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {
    private static final String CS_DEPARTMENT = "Department of Computer Science";
    private static final String CHEM_DEPARTMENT = "Department of Chemistry";
    private static final String MATH_DEPARTMENT = "Department of Mathematics";
    private static StackUnderTest stack;

    @BeforeAll
    static void startStack() {
        stack = new StackUnderTest(Map.of()).up(true);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void aDirectoryCrawlEndsAsRowsInPostgresAndNumbersOnTheDashboard() throws Exception {
        StackSettings s = stack.settings();
        ApiClient api = new ApiClient(s.apiUrl());
        JsonNode accepted = api.submit(s.demoSiteUrl() + "/cs/faculty/", DemoRun.UNIVERSITY, CS_DEPARTMENT, "high", 2, 100);
        String taskId = accepted.path("taskId").asText();
        assertEquals("PENDING", accepted.path("status").asText());
        assertEquals("PENDING", api.task(taskId).path("status").asText(), "read-your-writes right after the 202");

        JsonNode done = new DemoRun(api, s.demoSiteUrl(), System.out).awaitAll(List.of(taskId), Duration.ofMinutes(3)).get(0);
        assertEquals("COMPLETED", done.path("status").asText(), done.toString());

        Set<String> expectedEmails = expectedEmails(CS_DEPARTMENT);
        assertFalse(expectedEmails.isEmpty());
        try (Connection db = stack.db()) {
            assertEquals("COMPLETED", single(db, "SELECT status FROM crawl_tasks WHERE id = '" + taskId + "'"));
            int professors = Integer.parseInt(single(db, "SELECT professors_count FROM crawl_results WHERE task_id = '" + taskId + "'"));
            int papers = Integer.parseInt(single(db, "SELECT papers_count FROM crawl_results WHERE task_id = '" + taskId + "'"));
            int pages = Integer.parseInt(single(db, "SELECT pages_fetched FROM crawl_metrics WHERE task_id = '" + taskId + "'"));
            Set<String> stored = column(db, "SELECT email FROM professors WHERE university_name = '" + DemoRun.UNIVERSITY
                    + "' AND email IS NOT NULL");
            assertTrue(stored.containsAll(expectedEmails), "professors table " + stored + " lacks some of " + expectedEmails);
            assertEquals(expectedEmails.size(), professors, "professors in the result");
            assertTrue(papers > 0, "papers found on the profiles");
            assertTrue(pages > 2, "directory, next page and profiles fetched, got " + pages);
            assertEquals(String.valueOf(papers), single(db, "SELECT count(*) FROM papers"));
            assertTrue(Integer.parseInt(single(db, "SELECT count(*) FROM professor_papers")) >= papers, "each paper linked to its professor");
            assertEquals(professors, done.path("professorsCount").asInt());

            JsonNode dashboard = awaitDashboard(s, professors);
            assertEquals(1, dashboard.path("metrics").path("completed").asInt());
            assertEquals(0, dashboard.path("metrics").path("failed").asInt());
            assertEquals(professors, dashboard.path("metrics").path("professors_found").asInt());
            assertEquals(papers, dashboard.path("metrics").path("papers_found").asInt());
            assertEquals(1.0, dashboard.path("metrics").path("success_rate").asDouble());
        }
        assertTrue(done.path("pagesFetched").asInt() > 2);
    }

    /**
     * The demo's script-built directory gives nobody with render: never (and says why) and all its
     * people with the default auto, through the browser; the department that shows its addresses as
     * pictures gets them by OCR, stored with email_form 'image'. Skipped without chromium or tesseract.
     */
    @Test
    @Order(3)
    void theScriptBuiltDirectoryNeedsTheBrowserAndPictureAddressesAreReadByOcr() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("chromium") && onPath("tesseract"),
                "chromium or tesseract is not on the PATH (Debian: apt-get install chromium tesseract-ocr): skipped");
        StackSettings s = stack.settings();
        ApiClient api = new ApiClient(s.apiUrl());
        DemoRun demo = new DemoRun(api, s.demoSiteUrl(), System.out);
        String never = api.submit(s.demoSiteUrl() + "/chem/people/", DemoRun.UNIVERSITY, CHEM_DEPARTMENT, "high", 2, 100, "never")
                .path("taskId").asText();
        JsonNode withoutBrowser = demo.awaitAll(List.of(never), Duration.ofMinutes(3)).get(0);
        assertEquals("COMPLETED", withoutBrowser.path("status").asText(), withoutBrowser.toString());
        assertEquals(0, withoutBrowser.path("professorsCount").asInt());
        assertEquals("render-needed-but-disabled", withoutBrowser.path("emptyReason").asText());
        assertEquals(0, withoutBrowser.path("pagesRendered").asInt());

        String auto = api.submit(s.demoSiteUrl() + "/chem/people/", DemoRun.UNIVERSITY, CHEM_DEPARTMENT, "high", 2, 100).path("taskId").asText();
        String pictures = api.submit(s.demoSiteUrl() + "/math/faculty.html", DemoRun.UNIVERSITY, MATH_DEPARTMENT, "high", 2, 100)
                .path("taskId").asText();
        List<JsonNode> done = demo.awaitAll(List.of(auto, pictures), Duration.ofMinutes(3));
        JsonNode rendered = done.get(0);
        assertEquals("COMPLETED", rendered.path("status").asText(), rendered.toString());
        assertTrue(rendered.path("pagesRendered").asInt() >= 1, rendered.toString());
        assertEquals(expectedEmails(CHEM_DEPARTMENT).size(), rendered.path("professorsCount").asInt(), rendered.toString());
        assertEquals("COMPLETED", done.get(1).path("status").asText(), done.get(1).toString());
        try (Connection db = stack.db()) {
            assertEquals(expectedEmails(CHEM_DEPARTMENT), column(db, "SELECT email FROM professors WHERE department = '"
                    + CHEM_DEPARTMENT + "'"));
            assertEquals(expectedEmails(MATH_DEPARTMENT), column(db, "SELECT email FROM professors WHERE department = '"
                    + MATH_DEPARTMENT + "' AND email_form = 'image'"));
        }
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> java.nio.file.Files.isExecutable(Path.of(dir, command)));
    }

    /**
     * Every metric a Grafana panel or the autoscaler's prometheus-adapter rule names is one the
     * running services export, scraped after the crawl above (some series exist only once a
     * task has finished).
     */
    @Test
    @Order(2)
    void everyMetricTheDashboardsAndTheAutoscalerUseIsExported() throws Exception {
        Path root = DevStackClasspath.projectRoot();
        Map<String, Set<String>> wanted = new java.util.TreeMap<>();
        MetricNames.fromDashboardDirectory(root.resolve("deploy/grafana/dashboards"))
                .forEach((file, names) -> wanted.put(root.relativize(file).toString(), names));
        Path adapter = root.resolve("k8s/base/monitoring/prometheus-adapter-rules.yaml");
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(
                new ObjectMapper(new YAMLFactory()).readTree(adapter.toFile()).path("data").path("config.yaml").asText());
        Set<String> adapterNames = new java.util.TreeSet<>();
        for (JsonNode rule : config.path("externalRules")) {
            adapterNames.addAll(MetricNames.fromExpression(rule.path("seriesQuery").asText()));
            adapterNames.addAll(MetricNames.fromExpression(rule.path("metricsQuery").asText()));
        }
        assertFalse(adapterNames.isEmpty());
        wanted.put(root.relativize(adapter).toString(), adapterNames);

        StackSettings s = stack.settings();
        Set<String> exported = Set.of();
        Map<String, Set<String>> missing = Map.of();
        Instant deadline = Instant.now().plusSeconds(30);
        do {
            exported = new java.util.TreeSet<>();
            for (int port : List.of(s.apiPort(), s.crawlerPort(), s.persistencePort(), s.monitorPort())) {
                exported.addAll(scrapedNames("http://127.0.0.1:" + port + "/q/metrics"));
            }
            missing = new java.util.TreeMap<>();
            for (var entry : wanted.entrySet()) {
                Set<String> absent = new java.util.TreeSet<>(entry.getValue());
                absent.removeAll(exported);
                if (!absent.isEmpty()) {
                    missing.put(entry.getKey(), absent);
                }
            }
            if (missing.isEmpty()) {
                break;
            }
            Thread.sleep(1000); // the monitor copies new numbers into its meters every 2 s
        } while (Instant.now().isBefore(deadline));
        assertEquals(Map.of(), missing, "metrics named but not exported by any service");
        assertTrue(wanted.values().stream().mapToInt(Set::size).sum() > 10, "the dashboards name metrics: " + wanted);
    }

    /** Sample names of a Prometheus text exposition (x_bucket, x_count and x_sum appear as such). */
    private static Set<String> scrapedNames(String url) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        Set<String> names = new HashSet<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static JsonNode awaitDashboard(StackSettings s, int professors) throws Exception {
        ApiClient monitor = new ApiClient(s.monitorUrl());
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode dashboard;
        do {
            dashboard = monitor.get("/api/dashboard");
            if (dashboard.path("metrics").path("completed").asInt() == 1
                    && dashboard.path("metrics").path("professors_found").asInt() == professors) {
                return dashboard;
            }
            Thread.sleep(300);
        } while (Instant.now().isBefore(deadline));
        return dashboard;
    }

    private static Set<String> expectedEmails(String department) throws Exception {
        try (InputStream in = WalkingSkeletonIT.class.getClassLoader().getResourceAsStream("demo-site/EXPECTED.json")) {
            JsonNode expected = EventJson.mapper().readTree(in);
            Set<String> emails = new HashSet<>();
            for (JsonNode p : expected.path("professors")) {
                if (department.equals(p.path("department").asText()) && !p.path("email").isNull()) {
                    emails.add(p.path("email").asText());
                }
            }
            return emails;
        }
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }

    private static Set<String> column(Connection db, String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
