package io.univinsight.monitor.queue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.smallrye.common.annotation.Identifier;
import io.univinsight.events.ConsumerGroupLag;
import io.univinsight.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Waiting tasks per priority: the consumer lag of group "crawler" on each task topic. */
@ApplicationScoped
public class QueueLag {

    private final Admin admin;

    @Inject
    public QueueLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin = Admin.create(config);
    }

    /** Lag per queue (critical, high, normal, low, retry), in that order. */
    public Map<String, Long> lagByQueue() throws Exception {
        return ConsumerGroupLag.crawlerLagByQueue(admin);
    }

    /**
     * Records ever written to each dead-letter topic (the sum of its partitions' end offsets): it
     * only grows, so a rate or increase over it is dead letters per second.
     */
    public Map<String, Long> deadLettersByTopic() throws Exception {
        Map<String, Long> written = new TreeMap<>();
        ConsumerGroupLag.endOffsets(admin, List.of(Topics.TASKS_DLQ, Topics.PERSISTENCE_DLQ, Topics.MONITOR_DLQ))
                .forEach((tp, end) -> written.merge(tp.topic(), end, Long::sum));
        return written;
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
