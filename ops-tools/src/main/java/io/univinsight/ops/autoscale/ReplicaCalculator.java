package io.univinsight.ops.autoscale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The HorizontalPodAutoscaler's arithmetic for one External AverageValue metric, as the Kubernetes
 * controller documents it: desired = ceil(metric / target), left alone within a 10% tolerance,
 * bounded by min/max, stabilised (scale down to the highest recommendation of the window), and
 * limited by the rate policies measured against the replica count at the start of each period.
 */
public final class ReplicaCalculator {
    /** The controller's default --horizontal-pod-autoscaler-tolerance. */
    static final double TOLERANCE = 0.1;

    private final HpaRule rule;
    private final Deque<Recommendation> recommendations = new ArrayDeque<>();
    private final Deque<ScaleEvent> events = new ArrayDeque<>();

    private record Recommendation(Instant at, int replicas) {
    }

    private record ScaleEvent(Instant at, int delta) {
    }

    public ReplicaCalculator(HpaRule rule) {
        this.rule = rule;
    }

    /** The replica count to run now, given the current count and the metric (total lag; negative = unknown). */
    public int decide(Instant now, int current, long lag) {
        if (lag < 0) {
            return current; // the metric is unavailable: the HPA changes nothing
        }
        int raw = rawDesired(current, lag);
        recommendations.addLast(new Recommendation(now, raw));
        int stabilised = stabilise(now, current, raw);
        int limited = applyPolicies(now, current, stabilised);
        int result = Math.max(rule.minReplicas(), Math.min(rule.maxReplicas(), limited));
        if (result != current) {
            events.addLast(new ScaleEvent(now, result - current));
        }
        while (!events.isEmpty() && events.peekFirst().at().isBefore(now.minus(Duration.ofHours(1)))) {
            events.removeFirst(); // older than any policy period
        }
        return result;
    }

    int rawDesired(int current, long lag) {
        double usage = current == 0 ? Double.MAX_VALUE : lag / (rule.targetPerReplica() * current);
        if (current > 0 && Math.abs(usage - 1.0) <= TOLERANCE) {
            return current;
        }
        int desired = (int) Math.ceil(lag / rule.targetPerReplica());
        return Math.max(rule.minReplicas(), Math.min(rule.maxReplicas(), desired));
    }

    /** Scale up: the lowest recommendation of the up-window; scale down: the highest of the down-window. */
    private int stabilise(Instant now, int current, int raw) {
        Duration keep = rule.scaleDownWindow().compareTo(rule.scaleUpWindow()) > 0 ? rule.scaleDownWindow() : rule.scaleUpWindow();
        while (!recommendations.isEmpty() && recommendations.peekFirst().at().isBefore(now.minus(keep))) {
            recommendations.removeFirst();
        }
        int upFloor = raw;
        int downCeiling = raw;
        for (Recommendation r : recommendations) {
            if (within(r, now, rule.scaleUpWindow())) {
                upFloor = Math.min(upFloor, r.replicas());
            }
            if (within(r, now, rule.scaleDownWindow())) {
                downCeiling = Math.max(downCeiling, r.replicas());
            }
        }
        if (raw > current) {
            return Math.max(current, upFloor);
        }
        if (raw < current) {
            return Math.min(current, downCeiling);
        }
        return current;
    }

    /** A zero window holds only the current recommendation. */
    private static boolean within(Recommendation r, Instant now, Duration window) {
        return !window.isZero() && !r.at().isBefore(now.minus(window));
    }

    private int applyPolicies(Instant now, int current, int desired) {
        if (desired > current) {
            return Math.min(desired, limit(now, current, rule.scaleUp(), true));
        }
        if (desired < current) {
            return Math.max(desired, limit(now, current, rule.scaleDown(), false));
        }
        return desired;
    }

    /** The furthest the policies let the count move from current in this direction now. */
    private int limit(Instant now, int current, HpaRule.Policies policies, boolean up) {
        if ("Disabled".equals(policies.select())) {
            return current;
        }
        if (policies.policies().isEmpty()) {
            return up ? Integer.MAX_VALUE : 0;
        }
        boolean max = !"Min".equals(policies.select());
        int best = max ? (up ? Integer.MIN_VALUE : Integer.MAX_VALUE) : (up ? Integer.MAX_VALUE : Integer.MIN_VALUE);
        for (HpaRule.Policy p : policies.policies()) {
            int changedInPeriod = 0;
            for (ScaleEvent e : events) {
                if (e.at().isAfter(now.minus(p.period())) && (e.delta() > 0) == up) {
                    changedInPeriod += e.delta();
                }
            }
            int periodStart = current - changedInPeriod;
            int bound;
            if ("Percent".equals(p.type())) {
                bound = up ? (int) Math.ceil(periodStart * (1 + p.value() / 100.0))
                        : (int) Math.ceil(periodStart * (1 - p.value() / 100.0));
            } else {
                bound = up ? periodStart + p.value() : periodStart - p.value();
            }
            // Max picks the policy allowing the most change, Min the least.
            best = up == max ? Math.max(best, bound) : Math.min(best, bound);
        }
        return best;
    }
}
