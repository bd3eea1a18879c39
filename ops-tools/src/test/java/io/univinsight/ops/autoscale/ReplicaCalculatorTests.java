package io.univinsight.ops.autoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.univinsight.devstack.DevStackClasspath;

class ReplicaCalculatorTests {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static HpaRule rule(int min, int max, Duration downWindow, HpaRule.Policies up, HpaRule.Policies down) {
        return new HpaRule(min, max, 5, Duration.ZERO, downWindow, up, down);
    }

    @Test
    void theCommittedManifestIsTheRuleTheIssueAsksFor() throws Exception {
        HpaRule r = HpaRule.fromManifest(DevStackClasspath.projectRoot().resolve(Path.of(HpaRule.MANIFEST)));
        assertEquals(1, r.minReplicas());
        assertEquals(10, r.maxReplicas());
        assertEquals(5.0, r.targetPerReplica());
        assertEquals(Duration.ofSeconds(300), r.scaleDownWindow());
        assertEquals("Max", r.scaleUp().select());
    }

    @Test
    void desiredIsLagOverTargetWithinBounds() {
        ReplicaCalculator c = new ReplicaCalculator(rule(1, 10, Duration.ZERO, HpaRule.Policies.unlimited(), HpaRule.Policies.unlimited()));
        assertEquals(1, c.decide(T0, 1, 0));
        assertEquals(1, c.decide(T0, 1, 5));
        assertEquals(3, c.decide(T0, 1, 11), "ceil(11 / 5)");
        assertEquals(10, c.decide(T0, 3, 5_000), "never above maxReplicas");
        assertEquals(10, c.decide(T0, 10, -1), "an unknown metric changes nothing");
    }

    @Test
    void withinTenPercentOfTheTargetNothingChanges() {
        ReplicaCalculator c = new ReplicaCalculator(rule(1, 10, Duration.ZERO, HpaRule.Policies.unlimited(), HpaRule.Policies.unlimited()));
        assertEquals(4, c.decide(T0, 4, 21), "21 / (5 * 4) = 1.05: inside the tolerance");
        assertEquals(5, c.decide(T0, 4, 23), "23 / 20 = 1.15: scale to ceil(23 / 5)");
    }

    @Test
    void scaleDownWaitsForTheHighestRecommendationOfTheWindow() {
        ReplicaCalculator c = new ReplicaCalculator(rule(1, 10, Duration.ofSeconds(60), HpaRule.Policies.unlimited(), HpaRule.Policies.unlimited()));
        assertEquals(6, c.decide(T0, 1, 30));
        assertEquals(6, c.decide(T0.plusSeconds(15), 6, 0), "lag fell to 0, but 6 was recommended 15 s ago");
        assertEquals(6, c.decide(T0.plusSeconds(59), 6, 0));
        assertEquals(1, c.decide(T0.plusSeconds(61), 6, 0), "the window has passed");
    }

    @Test
    void ratePoliciesLimitEachPeriod() {
        HpaRule.Policies up = new HpaRule.Policies(List.of(new HpaRule.Policy("Percent", 100, Duration.ofSeconds(15)),
                new HpaRule.Policy("Pods", 4, Duration.ofSeconds(15))), "Max");
        HpaRule.Policies down = new HpaRule.Policies(List.of(new HpaRule.Policy("Percent", 50, Duration.ofSeconds(60))), "Max");
        ReplicaCalculator c = new ReplicaCalculator(rule(1, 10, Duration.ZERO, up, down));
        assertEquals(5, c.decide(T0, 1, 500), "from 1: max(1 * 2, 1 + 4) = 5");
        assertEquals(5, c.decide(T0.plusSeconds(5), 5, 500), "same period: already grew by 4");
        assertEquals(10, c.decide(T0.plusSeconds(16), 5, 500), "next period: max(10, 9), capped at 10");
        assertEquals(5, c.decide(T0.plusSeconds(100), 10, 0), "down: at most half per minute");
        assertEquals(5, c.decide(T0.plusSeconds(130), 5, 0), "still the same minute");
        assertEquals(3, c.decide(T0.plusSeconds(161), 5, 0), "next minute: ceil(5 * 0.5)");
    }
}
