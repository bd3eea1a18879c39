package io.univinsight.deployment.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.univinsight.deployment.MetricNames;

/** The PromQL metric-name extractor the dashboard checks (and the lead's live scrape test) rely on. */
class MetricNamesTests {

    private static Set<String> names(String promql) {
        return MetricNames.fromExpression(promql);
    }

    @Test
    void bareAndSelectedMetrics() {
        assertEquals(Set.of("univinsight_success_ratio"), names("univinsight_success_ratio"));
        assertEquals(Set.of("jvm_memory_used_bytes"), names("jvm_memory_used_bytes{area=\"heap\"}"));
        assertEquals(Set.of("up"), names("up{job=~\"task-api|crawler-service\", instance!=\"x\"} == 0"));
    }

    @Test
    void histogramQuantileOverAggregatedRate() {
        assertEquals(Set.of("univinsight_task_duration_seconds_bucket"), names(
                "histogram_quantile(0.95, sum by (le) (rate(univinsight_task_duration_seconds_bucket[5m])))"));
        assertEquals(Set.of("univinsight_task_duration_seconds_bucket"), names(
                "histogram_quantile(0.5,sum by(le)(rate(univinsight_task_duration_seconds_bucket[5m])))"));
    }

    @Test
    void groupingLabelsAreNotMetrics() {
        assertEquals(Set.of("univinsight_tasks_finished_total"),
                names("sum by (status) (rate(univinsight_tasks_finished_total[1m]))"));
        assertEquals(Set.of("univinsight_queue_lag"), names("sum(univinsight_queue_lag) by (priority, job)"));
        assertEquals(Set.of("a_total"), names("sum without (instance, pod) (increase(a_total[1h]))"));
        assertEquals(Set.of("a", "b"), names("a / on (job, instance) group_left (version) b"));
        assertEquals(Set.of("a", "b"), names("a * ignoring(code) group_right b"));
    }

    @Test
    void functionsAndAggregationsWithParameters() {
        assertEquals(Set.of("univinsight_queue_lag"), names("sum(clamp_min(univinsight_queue_lag,0))"));
        assertEquals(Set.of("http_server_requests_seconds_count"),
                names("topk(5, sum by (uri) (rate(http_server_requests_seconds_count{uri!~\"/q/.*\"}[1m])))"));
        assertEquals(Set.of("x"), names("quantile(0.9, x) and count_values(\"version\", x)"));
        assertEquals(Set.of("up"),
                names("label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")"));
        assertEquals(Set.of("x"), names("absent_over_time(x[10m:1m]) or vector(0)"));
    }

    @Test
    void keywordsNumbersDurationsAndModifiers() {
        assertEquals(Set.of("a", "b"), names("a > bool 0.5 unless b < Inf"));
        assertEquals(Set.of("a"), names("rate(a[5m] offset 1h) > 1e-3 or a != NaN"));
        assertEquals(Set.of("a"), names("a @ start() - a @ 1609746000 atan2 0x1F"));
        assertEquals(Set.of("job:requests:rate5m"), names("sum(job:requests:rate5m) > .5"));
    }

    @Test
    void nameMatchersStringsCommentsAndGrafanaVariables() {
        assertEquals(Set.of("univinsight_tasks"), names("{__name__=\"univinsight_tasks\", status=\"failed\"}"));
        assertEquals(Set.of("a"), names("a{label=\"x } y\"} # b and c are in a comment\n"));
        assertEquals(Set.of("a"), names("sum by (job) (rate(a{job=\"$job\"}[$__rate_interval])) * ${factor}"));
        assertEquals(Set.of(), names("vector(1) + scalar(time())"));
        assertEquals(Set.of(), names(""));
    }

    @Test
    void dashboardTargetsRowsAndVariables() throws Exception {
        String json = """
                {"panels": [
                  {"type": "timeseries", "targets": [{"expr": "sum by (status) (univinsight_tasks)"}]},
                  {"type": "row", "collapsed": true, "panels": [
                    {"type": "stat", "targets": [{"expr": "univinsight_workers_active"}, {"expr": ""}]}]}],
                 "templating": {"list": [
                   {"type": "query", "query": {"query": "label_values(univinsight_queue_lag{job=\\"m\\"}, priority)"}},
                   {"type": "query", "query": "label_values(job)"},
                   {"type": "query", "query": "query_result(topk(3, univinsight_university_papers))"},
                   {"type": "custom", "query": "a,b"}]}}
                """;
        var dashboard = new ObjectMapper().readTree(json);
        assertEquals(Set.of("univinsight_tasks", "univinsight_workers_active", "univinsight_queue_lag",
                "univinsight_university_papers"), MetricNames.fromDashboard(dashboard));
    }

    @Test
    void dashboardFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.json"), "{\"panels\":[{\"targets\":[{\"expr\":\"rate(a_total[1m])\"}]}]}");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/two.json"), "{\"panels\":[{\"targets\":[{\"expr\":\"b\"}]}]}");
        Files.writeString(dir.resolve("notes.txt"), "not a dashboard");
        Map<Path, Set<String>> byFile = MetricNames.fromDashboardDirectory(dir);
        assertEquals(Map.of(dir.resolve("one.json"), Set.of("a_total"), dir.resolve("sub/two.json"), Set.of("b")), byFile);
        assertEquals(Set.of("a_total", "b"), MetricNames.allFromDashboardDirectory(dir));
    }

    @Test
    void exposedFamilies() {
        assertEquals("univinsight_task_duration_seconds",
                MetricNames.exposedFamily("univinsight_task_duration_seconds_bucket"));
        assertEquals("http_server_requests_seconds", MetricNames.exposedFamily("http_server_requests_seconds_count",
                Set.of("http_server_requests_seconds")));
        assertEquals("some_count", MetricNames.exposedFamily("some_count", Set.of("other")));
        assertEquals("univinsight_tasks", MetricNames.exposedFamily("univinsight_tasks"));
    }
}
