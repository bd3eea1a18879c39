package io.univinsight.deployment.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.deployment.ProjectRoot;

/** Kubernetes gets the same alerting rules as docker-compose's Prometheus, and they cover what an operator must hear about. */
class AlertRulesTests {
    private static JsonNode composeRules() {
        try {
            return K8s.YAML.readTree(ProjectRoot.get().resolve("deploy/prometheus/alerts.yml").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void thePrometheusRuleHoldsExactlyTheComposeRules() {
        JsonNode rule = K8s.render("base/monitoring").get("PrometheusRule", "univinsight-alerts");
        assertEquals(composeRules().path("groups"), rule.at("/spec/groups"));
    }

    @Test
    void everyConditionTheReviewAskedForHasAnAlert() {
        Set<String> alerts = new TreeSet<>();
        composeRules().path("groups")
                .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
        assertTrue(alerts.containsAll(Set.of("UnivInsightHealthCritical", "UnivInsightTasksWaitingNoWorker", "UnivInsightQueueLagRising",
                "UnivInsightDeadLettersGrowing", "UnivInsightPersistenceNotReady", "UnivInsightSuccessRatioLow")), alerts.toString());
    }
}
