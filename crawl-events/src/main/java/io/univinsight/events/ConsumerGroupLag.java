package io.univinsight.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag from Kafka's own bookkeeping: end offset minus the group's committed offset, per
 * partition. A partition the group never committed counts from offset 0. This is the number the
 * monitor exports, the Kubernetes HPA scales on and the local autoscaler reads.
 */
public final class ConsumerGroupLag {
    /** The crawler-service consumer group. */
    public static final String CRAWLER_GROUP = "crawler";

    private ConsumerGroupLag() {
    }

    /** The crawler's queues: the task topics, highest priority first, then the retry topic. */
    public static List<String> crawlerQueueTopics() {
        List<String> topics = new ArrayList<>(Topics.priorityTopics());
        topics.add(Topics.TASKS_RETRY);
        return topics;
    }

    /** The end offset (records ever written) of every partition of the given topics. */
    public static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, Long> out = new LinkedHashMap<>();
        ends.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Lag of one group on every partition of the given topics. */
    public static Map<TopicPartition, Long> byPartition(Admin admin, String group, List<String> topics) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(admin, topics);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, Long> lag = new LinkedHashMap<>();
        ends.forEach((tp, end) -> {
            OffsetAndMetadata done = committed.get(tp);
            lag.put(tp, Math.max(0, end - (done == null ? 0 : done.offset())));
        });
        return lag;
    }

    /** Crawler lag per queue name (critical, high, normal, low, retry), in that order. */
    public static Map<String, Long> crawlerLagByQueue(Admin admin) throws Exception {
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String topic : crawlerQueueTopics()) {
            lag.put(queueName(topic), 0L);
        }
        byPartition(admin, CRAWLER_GROUP, crawlerQueueTopics()).forEach((tp, behind) -> lag.merge(queueName(tp.topic()), behind, Long::sum));
        return lag;
    }

    /** Total waiting tasks of the crawler group: what the autoscaler divides by its per-replica target. */
    public static long crawlerTotalLag(Admin admin) throws Exception {
        return crawlerLagByQueue(admin).values().stream().mapToLong(Long::longValue).sum();
    }

    private static String queueName(String topic) {
        Priority p = Priority.ofTopic(topic);
        return p == null ? "retry" : p.wireName();
    }
}
