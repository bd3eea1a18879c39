package io.univinsight.monitor.queue;

import java.time.Instant;
import java.util.Map;

/**
 * The last sampled queue: waiting tasks per queue (critical, high, normal, low, retry) or
 * known=false when Kafka could not be asked; lagRising from {@link LagTrend}.
 */
public record QueueSnapshot(Map<String, Long> waiting, boolean known, boolean lagRising, Instant sampledAt) {
    public static QueueSnapshot unknown(Instant at) {
        return new QueueSnapshot(Map.of(), false, false, at);
    }

    public long totalWaiting() {
        return waiting.values().stream().mapToLong(Long::longValue).sum();
    }
}
