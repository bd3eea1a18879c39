package io.univinsight.monitor.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The system's health from its numbers:
 * critical when tasks wait with no live worker, or the success rate is under 70%;
 * degraded when the success rate is under 90%, or the queue is unknown (Kafka unreachable);
 * healthy otherwise. Success rates count only once at least 10 tasks have finished.
 */
public final class HealthRules {
    public static final int MIN_FINISHED_FOR_RATE = 10;

    private HealthRules() {
    }

    public record Verdict(String status, List<String> reasons) {
    }

    public static Verdict judge(long finished, double successRate, long waiting, int activeWorkers, boolean queueKnown) {
        List<String> critical = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        if (waiting > 0 && activeWorkers == 0) {
            critical.add(waiting + " tasks waiting and no active worker");
        }
        if (finished >= MIN_FINISHED_FOR_RATE) {
            if (successRate < 0.70) {
                critical.add(String.format("success rate %.1f%% is under 70%%", successRate * 100));
            } else if (successRate < 0.90) {
                degraded.add(String.format("success rate %.1f%% is under 90%%", successRate * 100));
            }
        }
        if (!queueKnown) {
            degraded.add("queue depth unknown (Kafka unreachable)");
        }
        if (!critical.isEmpty()) {
            critical.addAll(degraded);
            return new Verdict("critical", critical);
        }
        return new Verdict(degraded.isEmpty() ? "healthy" : "degraded", degraded);
    }
}
