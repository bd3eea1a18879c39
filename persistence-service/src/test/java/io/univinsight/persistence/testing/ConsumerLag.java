package io.univinsight.persistence.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waits until a consumer group has committed every record of the given topics. */
public final class ConsumerLag {
    private ConsumerLag() {
    }

    public static void awaitCaughtUp(String bootstrap, String group, List<String> topics, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin.listOffsets(partitions).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                long lag = ends.entrySet().stream().mapToLong(e -> {
                    OffsetAndMetadata c = committed.get(e.getKey());
                    return e.getValue().offset() - (c == null ? 0 : c.offset());
                }).sum();
                if (lag == 0) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("group " + group + " still " + lag + " records behind after " + timeout);
                }
                Thread.sleep(250);
            }
        }
    }
}
