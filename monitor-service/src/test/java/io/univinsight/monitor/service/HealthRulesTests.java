package io.univinsight.monitor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.univinsight.monitor.service.HealthRules.Inputs;
import io.univinsight.monitor.service.HealthRules.Status;

class HealthRulesTests {
    private static HealthRules.Verdict judge(long finished, double rate, long waiting, int workers, boolean known, boolean rising) {
        return HealthRules.judge(new Inputs(finished, rate, waiting, workers, known, rising));
    }

    @Test
    void healthyWhenNothingIsWrong() {
        assertEquals(new HealthRules.Verdict(Status.HEALTHY, List.of()), judge(100, 0.95, 3, 1, true, false));
    }

    @Test
    void successRateThresholds() {
        assertEquals(Status.HEALTHY, judge(10, 0.90, 0, 1, true, false).status());
        assertEquals(Status.DEGRADED, judge(10, 0.899, 0, 1, true, false).status());
        assertEquals(Status.DEGRADED, judge(10, 0.70, 0, 1, true, false).status());
        assertEquals(Status.CRITICAL, judge(10, 0.699, 0, 1, true, false).status());
        assertEquals(List.of("success rate 50.0% is under 70%"), judge(10, 0.5, 0, 1, true, false).reasons());
    }

    @Test
    void fewFinishedTasksDoNotJudgeTheRate() {
        assertEquals(Status.HEALTHY, judge(9, 0.0, 0, 1, true, false).status());
    }

    @Test
    void waitingTasksWithoutWorkersAreCritical() {
        assertEquals(new HealthRules.Verdict(Status.CRITICAL, List.of("2 tasks waiting and no active worker")),
                judge(0, 1, 2, 0, true, false));
        assertEquals(Status.HEALTHY, judge(0, 1, 0, 0, true, false).status());
    }

    @Test
    void risingLagAndUnknownQueueDegradeAndAddToACriticalVerdict() {
        assertEquals(new HealthRules.Verdict(Status.DEGRADED, List.of("queue lag has been rising for 5 minutes")),
                judge(0, 1, 5, 1, true, true));
        assertEquals(new HealthRules.Verdict(Status.DEGRADED, List.of("queue depth unknown (Kafka unreachable)")),
                judge(0, 1, 0, 1, false, false));
        assertEquals(new HealthRules.Verdict(Status.CRITICAL,
                        List.of("5 tasks waiting and no active worker", "queue lag has been rising for 5 minutes")),
                judge(0, 1, 5, 0, true, true));
    }

    @Test
    void theViewIsJudgedOnlyOnceKafkaStreamsRuns() {
        org.junit.jupiter.api.Assertions.assertTrue(HealthRules.viewReady("RUNNING"));
        for (String starting : List.of("CREATED", "REBALANCING", "PENDING_SHUTDOWN", "ERROR")) {
            org.junit.jupiter.api.Assertions.assertFalse(HealthRules.viewReady(starting), starting);
        }
    }
}
