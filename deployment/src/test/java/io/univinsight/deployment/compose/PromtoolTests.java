package io.univinsight.deployment.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.univinsight.deployment.MetricNames;

/**
 * Prometheus' own parser over deploy/prometheus/prometheus.yml and every PromQL expression of the
 * dashboards, offline, with promtool (Debian's prometheus package, or a Prometheus release).
 * Skipped, with the reason, where promtool is not on PATH.
 */
class PromtoolTests {

    static Optional<Path> promtool() {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Test
    void prometheusConfigIsValid() throws Exception {
        Optional<Path> bin = promtool();
        assumeTrue(bin.isPresent(), "promtool is not on PATH (Debian: the prometheus package); "
                + ComposeFileTests.PROMETHEUS + " was checked by ComposeFileTests only");
        var r = ComposeConfigValidationTests.run(List.of(bin.get().toString(), "check", "config",
                Repo.path(ComposeFileTests.PROMETHEUS).toString()));
        assertEquals(0, r.exit(), "promtool check config:\n" + r.stdout() + r.stderr());
    }

    /** The alerting rules fire (and stay quiet) as deploy/prometheus/alerts.test.yml says, in Prometheus' own rule engine. */
    @Test
    void alertRulesPassTheirUnitTests() throws Exception {
        Optional<Path> bin = promtool();
        assumeTrue(bin.isPresent(), "promtool is not on PATH (Debian: the prometheus package); the alert rules were not run");
        var r = ComposeConfigValidationTests.run(List.of(bin.get().toString(), "test", "rules",
                Repo.path("deploy/prometheus/alerts.test.yml").toString()));
        assertEquals(0, r.exit(), "promtool test rules:\n" + r.stdout() + r.stderr());
    }

    @Test
    void everyDashboardExpressionParses(@TempDir Path dir) throws Exception {
        Optional<Path> bin = promtool();
        assumeTrue(bin.isPresent(), "promtool is not on PATH (Debian: the prometheus package); "
                + "dashboard expressions were checked by MetricNames only");
        // Each expression as a recording rule: promtool check rules parses them with Prometheus' parser.
        ObjectNode rules = Repo.YAML.createObjectNode();
        ArrayNode groups = rules.putArray("groups");
        List<String> all = new ArrayList<>();
        for (Path dashboard : GrafanaDashboardTests.dashboards()) {
            ObjectNode group = groups.addObject();
            group.put("name", dashboard.getFileName().toString());
            ArrayNode list = group.putArray("rules");
            for (String expr : MetricNames.expressions(Repo.json(dashboard))) {
                ObjectNode rule = list.addObject();
                rule.put("record", "dashboard:expr" + all.size());
                rule.put("expr", expr);
                all.add(expr);
            }
        }
        Path file = dir.resolve("dashboard-expressions.yml");
        Repo.YAML.writeValue(file.toFile(), rules);
        var r = ComposeConfigValidationTests.run(List.of(bin.get().toString(), "check", "rules", file.toString()));
        assertEquals(0, r.exit(), "promtool check rules over the dashboards' expressions:\n" + r.stdout() + r.stderr());
    }
}
