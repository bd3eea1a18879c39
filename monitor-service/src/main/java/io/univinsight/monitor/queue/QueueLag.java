package io.univinsight.monitor.queue;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.smallrye.common.annotation.Identifier;
import io.univinsight.events.ConsumerGroupLag;
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

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
