package io.univinsight.deployment.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.deployment.MetricNames;

/**
 * Grafana's provisioning (datasource, dashboard provider) and the dashboards in
 * deploy/grafana/dashboards: they parse, refer to the provisioned Prometheus, are laid out
 * without overlap, and read only metrics the services expose.
 */
class GrafanaDashboardTests {
    static final String DASHBOARDS = "deploy/grafana/dashboards";
    static final String DATASOURCES = "deploy/grafana/provisioning/datasources/prometheus.yml";
    static final String PROVIDERS = "deploy/grafana/provisioning/dashboards/univinsight.yml";

    /**
     * The metrics the services expose (monitor-service's PrometheusMeters and the README's table;
     * persistence-service's row counter and monitor-service's per-university gauges; Quarkus
     * Micrometer's HTTP server and JVM meters). A dashboard naming anything else shows nothing.
     */
    static final Set<String> KNOWN_METRICS = Set.of(
            "univinsight_tasks", "univinsight_tasks_finished_total", "univinsight_queue_lag",
            "univinsight_task_duration_seconds_bucket", "univinsight_task_duration_seconds_count",
            "univinsight_task_duration_seconds_sum", "univinsight_task_duration_seconds_max",
            "univinsight_workers_active", "univinsight_success_ratio", "univinsight_health_level",
            "univinsight_persistence_rows_written_total",
            "univinsight_university_tasks", "univinsight_university_professors", "univinsight_university_papers",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max", "jvm_memory_used_bytes");

    static List<Path> dashboards() {
        try (Stream<Path> files = Files.walk(Repo.path(DASHBOARDS))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertFalse(list.isEmpty(), "no dashboard in " + DASHBOARDS);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> provisionedDatasourceUids() {
        Set<String> uids = new HashSet<>();
        for (JsonNode ds : Repo.yaml(DATASOURCES).path("datasources")) {
            uids.add(ds.path("uid").asText());
        }
        return uids;
    }

    /** Every panel, rows' nested panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        collect(dashboard.path("panels"), all);
        return all;
    }

    private static void collect(JsonNode panels, List<JsonNode> all) {
        for (JsonNode p : panels) {
            all.add(p);
            collect(p.path("panels"), all);
        }
    }

    @Test
    void datasourceIsTheComposePrometheusWithUidPrometheus() {
        JsonNode ds = Repo.yaml(DATASOURCES);
        assertEquals(1, ds.path("apiVersion").asInt());
        assertEquals(Set.of("prometheus"), provisionedDatasourceUids());
        JsonNode prometheus = ds.path("datasources").get(0);
        assertEquals("prometheus", prometheus.path("type").asText());
        assertEquals("http://prometheus:9090", prometheus.path("url").asText());
        assertTrue(ComposeFileTests.composeServices().has("prometheus"));
    }

    @Test
    void providerReadsTheFolderComposeMountsAndGrafanaMountsProvisioning() {
        JsonNode providers = Repo.yaml(PROVIDERS);
        assertEquals(1, providers.path("apiVersion").asInt());
        JsonNode provider = providers.path("providers").get(0);
        assertEquals("file", provider.path("type").asText());
        String path = provider.path("options").path("path").asText();
        assertEquals("/var/lib/grafana/dashboards", path);

        JsonNode grafana = ComposeFileTests.composeServices().path("grafana");
        List<ComposeFileTests.Mount> mounts = ComposeFileTests.mounts(grafana);
        assertTrue(mounts.stream().anyMatch(m -> m.bind() && norm(m.source()).equals(Repo.path(DASHBOARDS).normalize())
                && m.target().equals(path)), "grafana mounts " + DASHBOARDS + " at " + path);
        assertTrue(mounts.stream().anyMatch(m -> m.bind()
                && norm(m.source()).equals(Repo.path("deploy/grafana/provisioning").normalize())
                && m.target().equals("/etc/grafana/provisioning")), "grafana mounts its provisioning");
        var env = ComposeFileTests.environment(grafana);
        assertEquals("true", env.get("GF_AUTH_ANONYMOUS_ENABLED"), "anonymous access for local use");
        assertEquals("Viewer", env.get("GF_AUTH_ANONYMOUS_ORG_ROLE"), "anonymous users only view");
        String home = env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        if (home != null) {
            assertTrue(home.startsWith(path + "/"), "home dashboard under " + path);
            assertTrue(Files.isRegularFile(Repo.path(DASHBOARDS).resolve(home.substring(path.length() + 1))),
                    "home dashboard " + home + " exists");
        }
        assertEquals(java.util.Map.of(3000, 3000), ComposeFileTests.ports(grafana));
    }

    private static Path norm(String source) {
        return Repo.root().resolve(source).normalize();
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void dashboardParsesAndHasIdentity(Path file) {
        JsonNode d = Repo.json(file);
        assertFalse(d.path("uid").asText("").isBlank(), file + ": no uid");
        assertTrue(d.path("uid").asText().length() <= 40, file + ": uid longer than Grafana allows");
        assertFalse(d.path("title").asText("").isBlank(), file + ": no title");
        int schema = d.path("schemaVersion").asInt();
        assertTrue(schema >= 36 && schema <= 41, file + ": schemaVersion " + schema);
        assertTrue(d.path("id").isMissingNode() || d.path("id").isNull(), file + ": a provisioned dashboard has no id");
        assertFalse(panels(d).isEmpty(), file + ": no panels");
    }

    @Test
    void dashboardUidsAndTitlesAreUnique() {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Path f : dashboards()) {
            JsonNode d = Repo.json(f);
            assertTrue(uids.add(d.path("uid").asText()), "uid " + d.path("uid").asText() + " twice");
            assertTrue(titles.add(d.path("title").asText()), "title " + d.path("title").asText() + " twice");
        }
        assertTrue(titles.contains("UnivInsight crawl"), "the crawl dashboard: " + titles);
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void everyPanelQueriesTheProvisionedDatasource(Path file) {
        Set<String> uids = provisionedDatasourceUids();
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : panels(Repo.json(file))) {
            String title = file.getFileName() + " / " + p.path("title").asText();
            assertTrue(ids.add(p.path("id").asInt()), title + ": panel id " + p.path("id").asInt() + " twice");
            if ("row".equals(p.path("type").asText())) {
                continue; // a row groups panels; it queries nothing
            }
            assertTrue(uids.contains(p.path("datasource").path("uid").asText()),
                    title + ": datasource " + p.path("datasource") + " is not provisioned " + uids);
            assertTrue(p.path("targets").size() > 0, title + ": no query");
            Set<String> refIds = new HashSet<>();
            for (JsonNode t : p.path("targets")) {
                if (t.has("datasource")) {
                    assertTrue(uids.contains(t.path("datasource").path("uid").asText()),
                            title + ": target datasource " + t.path("datasource") + " is not provisioned");
                }
                assertFalse(t.path("expr").asText("").isBlank(), title + ": empty expression");
                assertTrue(refIds.add(t.path("refId").asText()), title + ": refId " + t.path("refId").asText() + " twice");
                assertFalse(MetricNames.fromExpression(t.path("expr").asText()).isEmpty(),
                        title + ": " + t.path("expr").asText() + " reads no metric");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void panelsDoNotOverlapOnTheGrid(Path file) {
        List<JsonNode> placed = panels(Repo.json(file));
        for (int i = 0; i < placed.size(); i++) {
            JsonNode a = placed.get(i).path("gridPos");
            assertTrue(a.path("x").asInt() + a.path("w").asInt() <= 24, file + ": panel beyond 24 columns: " + placed.get(i).path("title"));
            for (int j = i + 1; j < placed.size(); j++) {
                JsonNode b = placed.get(j).path("gridPos");
                boolean apart = a.path("x").asInt() + a.path("w").asInt() <= b.path("x").asInt()
                        || b.path("x").asInt() + b.path("w").asInt() <= a.path("x").asInt()
                        || a.path("y").asInt() + a.path("h").asInt() <= b.path("y").asInt()
                        || b.path("y").asInt() + b.path("h").asInt() <= a.path("y").asInt();
                assertTrue(apart, file + ": panels " + placed.get(i).path("title") + " and " + placed.get(j).path("title") + " overlap");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dashboards")
    void dashboardsReadOnlyMetricsTheServicesExpose(Path file) {
        Set<String> used = MetricNames.fromDashboardFile(file);
        Set<String> unknown = new TreeSet<>(used);
        unknown.removeAll(KNOWN_METRICS);
        assertTrue(unknown.isEmpty(), file + " reads metrics no service exposes: " + unknown);
    }

    @Test
    void theCrawlViewCoversWhatOperatorsAsk() {
        Set<String> used = MetricNames.allFromDashboardDirectory(Repo.path(DASHBOARDS));
        assertEquals(new TreeSet<>(KNOWN_METRICS.stream()
                .filter(m -> !m.endsWith("_sum") && !m.endsWith("_max") && !m.equals("univinsight_task_duration_seconds_count"))
                .toList()), used, "throughput, success rate, lag, latency, workers, writes, universities, health, "
                        + "statuses, HTTP and heap are all shown");
    }
}
