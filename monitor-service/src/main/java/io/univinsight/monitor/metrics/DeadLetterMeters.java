package io.univinsight.monitor.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.univinsight.events.Topics;
import io.univinsight.monitor.queue.QueueLag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * univinsight_dead_letters_total{topic}: records ever written to each dead-letter topic, read from
 * the broker every 15 s, so an alert can fire when one grows.
 */
@ApplicationScoped
public class DeadLetterMeters {
    private static final Logger LOG = Logger.getLogger(DeadLetterMeters.class);

    private final QueueLag queueLag;
    private final Map<String, AtomicLong> written = new ConcurrentHashMap<>();

    @Inject
    public DeadLetterMeters(MeterRegistry registry, QueueLag queueLag) {
        this.queueLag = queueLag;
        for (String topic : List.of(Topics.TASKS_DLQ, Topics.PERSISTENCE_DLQ, Topics.MONITOR_DLQ)) {
            AtomicLong value = written.computeIfAbsent(topic, t -> new AtomicLong());
            FunctionCounter.builder("univinsight.dead.letters", value, AtomicLong::get).tag("topic", topic)
                    .description("Records written to this dead-letter topic").register(registry);
        }
    }

    @Scheduled(every = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            queueLag.deadLettersByTopic().forEach((topic, count) -> {
                AtomicLong value = written.get(topic);
                if (value != null) {
                    value.set(count);
                }
            });
        } catch (Exception e) {
            LOG.debugf("dead-letter counts not read (%s); kept as they were", e.getMessage());
        }
    }
}
