package io.univinsight.ops.autoscale;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The crawler's autoscaling/v2 HorizontalPodAutoscaler, read from k8s/base/crawler-service/hpa.yaml
 * so that the local autoscaler and Kubernetes apply one rule: replica bounds, the lag each replica
 * should carry (target averageValue), stabilisation windows and rate policies.
 */
public record HpaRule(int minReplicas, int maxReplicas, double targetPerReplica, Duration scaleUpWindow,
                      Duration scaleDownWindow, Policies scaleUp, Policies scaleDown) {

    /** The manifest the rule comes from, relative to the project root. */
    public static final String MANIFEST = "k8s/base/crawler-service/hpa.yaml";

    /** One rate policy: at most value pods (Pods) or value percent (Percent) per period. */
    public record Policy(String type, int value, Duration period) {
    }

    /** A direction's policies and how to combine them: Max (the most change allowed), Min, or Disabled. */
    public record Policies(List<Policy> policies, String select) {
        public static Policies unlimited() {
            return new Policies(List.of(), "Max");
        }
    }

    public HpaRule {
        if (minReplicas < 1 || maxReplicas < minReplicas || targetPerReplica <= 0) {
            throw new IllegalArgumentException("need 1 <= minReplicas <= maxReplicas and a positive target");
        }
    }

    public HpaRule withBounds(int min, int max) {
        return new HpaRule(min, max, targetPerReplica, scaleUpWindow, scaleDownWindow, scaleUp, scaleDown);
    }

    public HpaRule withScaleDownWindow(Duration window) {
        return new HpaRule(minReplicas, maxReplicas, targetPerReplica, scaleUpWindow, window, scaleUp, scaleDown);
    }

    public static HpaRule fromManifest(Path file) throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).path("spec");
        JsonNode target = null;
        for (JsonNode metric : spec.path("metrics")) {
            if ("External".equals(metric.path("type").asText())) {
                target = metric.path("external").path("target");
            }
        }
        if (target == null || !"AverageValue".equals(target.path("type").asText())) {
            throw new IllegalArgumentException(file + ": expected an External metric with an AverageValue target");
        }
        JsonNode behavior = spec.path("behavior");
        return new HpaRule(spec.path("minReplicas").asInt(1), spec.path("maxReplicas").asInt(),
                quantity(target.path("averageValue").asText()),
                Duration.ofSeconds(behavior.path("scaleUp").path("stabilizationWindowSeconds").asInt(0)),
                // Kubernetes' default when the manifest says nothing: 300 s.
                Duration.ofSeconds(behavior.path("scaleDown").path("stabilizationWindowSeconds").asInt(300)),
                policies(behavior.path("scaleUp")), policies(behavior.path("scaleDown")));
    }

    private static Policies policies(JsonNode direction) {
        List<Policy> list = new ArrayList<>();
        for (JsonNode p : direction.path("policies")) {
            list.add(new Policy(p.path("type").asText(), p.path("value").asInt(), Duration.ofSeconds(p.path("periodSeconds").asInt())));
        }
        return new Policies(list, direction.path("selectPolicy").asText("Max"));
    }

    /** A Kubernetes quantity as the HPA target uses it: "5", "500m" (0.5), "2k". */
    static double quantity(String q) {
        String s = q.strip();
        if (s.endsWith("m")) {
            return Double.parseDouble(s.substring(0, s.length() - 1)) / 1000;
        }
        if (s.endsWith("k")) {
            return Double.parseDouble(s.substring(0, s.length() - 1)) * 1000;
        }
        return Double.parseDouble(s);
    }
}
