package io.univinsight.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every topic of the system, defined once: names, partition counts and configs. */
public final class Topics {
    public static final String TASKS_PREFIX = "crawl.tasks.";
    public static final String TASKS_RETRY = "crawl.tasks.retry";
    public static final String TASKS_DLQ = "crawl.tasks.dlq";
    public static final String TASK_STATUS = "crawl.task-status";
    public static final String RESULTS = "crawl.results";
    public static final String WORKER_HEARTBEATS = "crawl.worker-heartbeats";
    public static final String PERSISTENCE_DLQ = "crawl.persistence.dlq";
    /** CANCELLED events by task id (compacted): every crawler instance reads all of it to skip cancelled tasks. */
    public static final String TASK_CANCELLATIONS = "crawl.task-cancellations";

    /** Default partitions of each task topic; more partitions allow more crawler replicas. */
    public static final int DEFAULT_TASK_PARTITIONS = 12;

    private Topics() {
    }

    /** One topic to create: name, partitions and topic-level configs. */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    }

    /** The task topics, highest priority first. */
    public static List<String> priorityTopics() {
        List<String> names = new ArrayList<>();
        for (Priority p : Priority.values()) {
            names.add(p.topic());
        }
        return names;
    }

    /** All topics the system uses, with the given partition count for task topics. */
    public static List<TopicSpec> all(int taskPartitions) {
        List<TopicSpec> specs = new ArrayList<>();
        for (String topic : priorityTopics()) {
            specs.add(new TopicSpec(topic, taskPartitions, Map.of()));
        }
        specs.add(new TopicSpec(TASKS_RETRY, taskPartitions, Map.of()));
        specs.add(new TopicSpec(TASKS_DLQ, 3, Map.of()));
        specs.add(new TopicSpec(TASK_STATUS, taskPartitions, Map.of()));
        specs.add(new TopicSpec(RESULTS, taskPartitions, Map.of()));
        // Only the latest heartbeat of each worker matters.
        specs.add(new TopicSpec(WORKER_HEARTBEATS, 3, Map.of("cleanup.policy", "compact")));
        specs.add(new TopicSpec(PERSISTENCE_DLQ, 3, Map.of()));
        specs.add(new TopicSpec(TASK_CANCELLATIONS, 3, Map.of("cleanup.policy", "compact")));
        return specs;
    }
}
