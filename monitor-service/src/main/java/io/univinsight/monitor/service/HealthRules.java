package io.univinsight.monitor.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The system's health from its numbers.
 * <ul>
 * <li>critical: tasks wait and no worker is alive; or the success rate is under 70%.</li>
 * <li>degraded: the success rate is under 90%; the queue lag has risen for 5 minutes without
 * falling; or the queue is unknown (Kafka unreachable).</li>
 * <li>healthy otherwise.</li>
 * </ul>
 * A success rate counts only once at least {@link #MIN_FINISHED_FOR_RATE} tasks have finished,
 * so the first failure of the day is not an alarm.
 */
public final class HealthRules {
    public static final int MIN_FINISHED_FOR_RATE = 10;
    public static final double CRITICAL_RATE = 0.70;
    public static final double DEGRADED_RATE = 0.90;

    private HealthRules() {
    }

    public enum Status {
        HEALTHY, DEGRADED, CRITICAL;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public record Verdict(Status status, List<String> reasons) {
    }

    /** The status shown instead of a verdict while the view is still being built (after a start or restart). */
    public static final String WARMING_UP = "warming-up";

    /**
     * Whether the figures can be judged: only once Kafka Streams runs. Before that (a restart waits
     * out the old member's session, then restores its stores) every count reads 0, and "healthy
     * zeros" would be a wrong answer.
     */
    public static boolean viewReady(String streamsState) {
        return "RUNNING".equals(streamsState);
    }

    /** The numbers the rules look at. */
    public record Inputs(long finished, double successRate, long waiting, int activeWorkers, boolean queueKnown,
                         boolean lagRising) {
    }

    public static Verdict judge(Inputs in) {
        List<String> critical = new ArrayList<>();
        List<String> degraded = new ArrayList<>();
        if (in.waiting() > 0 && in.activeWorkers() == 0) {
            critical.add(in.waiting() + " tasks waiting and no active worker");
        }
        if (in.finished() >= MIN_FINISHED_FOR_RATE) {
            if (in.successRate() < CRITICAL_RATE) {
                critical.add(String.format(java.util.Locale.ROOT, "success rate %.1f%% is under 70%%", in.successRate() * 100));
            } else if (in.successRate() < DEGRADED_RATE) {
                degraded.add(String.format(java.util.Locale.ROOT, "success rate %.1f%% is under 90%%", in.successRate() * 100));
            }
        }
        if (in.lagRising()) {
            degraded.add("queue lag has been rising for 5 minutes");
        }
        if (!in.queueKnown()) {
            degraded.add("queue depth unknown (Kafka unreachable)");
        }
        if (!critical.isEmpty()) {
            critical.addAll(degraded);
            return new Verdict(Status.CRITICAL, critical);
        }
        return new Verdict(degraded.isEmpty() ? Status.HEALTHY : Status.DEGRADED, degraded);
    }
}
