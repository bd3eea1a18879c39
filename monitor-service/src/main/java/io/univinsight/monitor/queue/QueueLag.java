package io.univinsight.monitor.queue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.univinsight.events.Priority;
import io.univinsight.events.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Waiting tasks per priority: the consumer lag of group "crawler" on each task topic. */
@ApplicationScoped
public class QueueLag {
    public static final String CRAWLER_GROUP = "crawler";

    private final Admin admin;

    @Inject
    public QueueLag(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin = Admin.create(config);
    }

    /** Lag per topic name key (critical, high, normal, low, retry), in that order. */
    public Map<String, Long> lagByQueue() throws Exception {
        List<String> topics = new java.util.ArrayList<>(Topics.priorityTopics());
        topics.add(Topics.TASKS_RETRY);
        Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(CRAWLER_GROUP)
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        Map<String, Long> lag = new LinkedHashMap<>();
        for (String topic : topics) {
            lag.put(queueName(topic), 0L);
        }
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata done = committed.get(tp);
            long end = ends.get(tp).offset();
            long behind = end - (done == null ? 0 : done.offset());
            lag.merge(queueName(tp.topic()), Math.max(0, behind), Long::sum);
        }
        return lag;
    }

    private static String queueName(String topic) {
        Priority p = Priority.ofTopic(topic);
        return p == null ? "retry" : p.wireName();
    }

    @PreDestroy
    void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
