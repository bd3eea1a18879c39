package io.univinsight.monitor.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Samples the crawler group's lag once a second, so requests, the SSE stream and the
 * Prometheus gauges read the latest sample instead of each asking Kafka.
 */
@ApplicationScoped
public class QueueWatch {
    private static final Logger LOG = Logger.getLogger(QueueWatch.class);

    private final QueueLag queueLag;
    private final LagTrend trend = new LagTrend();
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<QueueSnapshot> latest = new AtomicReference<>(QueueSnapshot.unknown(Instant.EPOCH));

    @Inject
    public QueueWatch(QueueLag queueLag) {
        this.queueLag = queueLag;
    }

    @Scheduled(every = "${monitor.queue.sample-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        Instant now = clock.instant();
        try {
            var lag = queueLag.lagByQueue();
            long total = lag.values().stream().mapToLong(Long::longValue).sum();
            trend.record(now, total);
            latest.set(new QueueSnapshot(lag, true, trend.rising(now), now));
        } catch (Exception e) {
            LOG.debugf("queue lag unknown: %s", e.toString());
            latest.set(QueueSnapshot.unknown(now));
        }
    }

    public QueueSnapshot latest() {
        return latest.get();
    }
}
