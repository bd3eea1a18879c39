package io.univinsight.ops.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.univinsight.events.ConsumerGroupLag;

/** Lag per consumer group and topic, like `kafka-consumer-groups.sh --describe --all-groups`, summed per topic. */
public final class GroupLagReport {
    /** One row: group, topic, partitions the group committed on, total lag. */
    public record Row(String group, String topic, int partitions, long lag) {
    }

    private GroupLagReport() {
    }

    /** Rows for the given group, or for every consumer group when group is null. */
    public static List<Row> rows(Admin admin, String group) throws Exception {
        List<String> groups = new ArrayList<>();
        if (group != null) {
            groups.add(group);
        } else {
            for (GroupListing g : admin.listGroups().all().get(10, TimeUnit.SECONDS)) {
                groups.add(g.groupId());
            }
            groups.sort(String::compareTo);
        }
        List<Row> rows = new ArrayList<>();
        for (String g : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            List<String> topics = committed.keySet().stream().map(TopicPartition::topic).distinct().sorted().toList();
            if (topics.isEmpty()) {
                continue; // Kafka Streams' and share groups without commits have nothing to report
            }
            Map<String, long[]> byTopic = new TreeMap<>();
            ConsumerGroupLag.byPartition(admin, g, topics).forEach((tp, lag) -> {
                long[] sum = byTopic.computeIfAbsent(tp.topic(), t -> new long[2]);
                sum[0]++;
                sum[1] += lag;
            });
            byTopic.forEach((topic, sum) -> rows.add(new Row(g, topic, (int) sum[0], sum[1])));
        }
        return rows;
    }
}
