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
    /** Records monitor-service cannot read (its Kafka Streams deserialization failures), with the reason. */
    public static final String MONITOR_DLQ = "crawl.monitor.dlq";
    /** CANCELLED events by task id (compacted): every crawler instance reads all of it to skip cancelled tasks. */
    public static final String TASK_CANCELLATIONS = "crawl.task-cancellations";
    /** {@link PageState} by page URL (compacted): validators and last records, materialised by every crawler. */
    public static final String PAGE_STATE = "crawl.page-state";

    /**
     * Where a crawler starts on a task partition its group has never committed: the first task
     * (none is skipped). Lag-based autoscalers must count from the same place (KEDA's offsetResetPolicy).
     */
    public static final String TASK_OFFSET_RESET = "earliest";

    /** Default partitions of each task topic; more partitions allow more crawler replicas. */
    public static final int DEFAULT_TASK_PARTITIONS = 12;

    private Topics() {
    }

    /** How long records stay: task and event topics a week, dead letters a month (time to inspect and replay). */
    static final String WEEK_MS = String.valueOf(7L * 24 * 3600 * 1000);
    static final String MONTH_MS = String.valueOf(30L * 24 * 3600 * 1000);

    /**
     * Where the topics are deployed: partitions of the task topics (the ceiling on crawler
     * replicas) and the replication factor. With replicas, acks=all writes need 2 in sync.
     */
    public record Layout(int taskPartitions, short replicationFactor) {
        /** One broker: the local stack, docker-compose and the Kubernetes dev overlay. */
        public static final Layout SINGLE_BROKER = new Layout(DEFAULT_TASK_PARTITIONS, (short) 1);
        /** Three brokers: the Kubernetes prod overlay. */
        public static final Layout THREE_BROKERS = new Layout(DEFAULT_TASK_PARTITIONS, (short) 3);

        public Layout {
            if (taskPartitions < 1 || replicationFactor < 1) {
                throw new IllegalArgumentException("partitions and replication factor must be at least 1");
            }
        }
    }

    /** One topic to create: name, partitions, replication factor and topic-level configs. */
    public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    }

    /** The task topics, highest priority first. */
    public static List<String> priorityTopics() {
        List<String> names = new ArrayList<>();
        for (Priority p : Priority.values()) {
            names.add(p.topic());
        }
        return names;
    }

    /** All topics on a single broker, with the given partition count for task topics. */
    public static List<TopicSpec> all(int taskPartitions) {
        return all(new Layout(taskPartitions, (short) 1));
    }

    /** All topics the system uses, in the given layout. */
    public static List<TopicSpec> all(Layout layout) {
        int tasks = layout.taskPartitions();
        List<TopicSpec> specs = new ArrayList<>();
        for (String topic : priorityTopics()) {
            specs.add(spec(topic, tasks, layout, "retention.ms", WEEK_MS));
        }
        specs.add(spec(TASKS_RETRY, tasks, layout, "retention.ms", WEEK_MS));
        specs.add(spec(TASKS_DLQ, 3, layout, "retention.ms", MONTH_MS));
        specs.add(spec(TASK_STATUS, tasks, layout, "retention.ms", WEEK_MS));
        specs.add(spec(RESULTS, tasks, layout, "retention.ms", WEEK_MS));
        // Only the latest heartbeat of each worker matters.
        specs.add(spec(WORKER_HEARTBEATS, 3, layout, "cleanup.policy", "compact"));
        specs.add(spec(PERSISTENCE_DLQ, 3, layout, "retention.ms", MONTH_MS));
        specs.add(spec(MONITOR_DLQ, 3, layout, "retention.ms", MONTH_MS));
        // Every crawler reads all cancellations at start: keep the latest per task.
        specs.add(spec(TASK_CANCELLATIONS, 3, layout, "cleanup.policy", "compact"));
        // The latest state of each page: a recrawl's conditional GETs and cache hits survive restarts.
        specs.add(spec(PAGE_STATE, tasks, layout, "cleanup.policy", "compact"));
        return specs;
    }

    private static TopicSpec spec(String name, int partitions, Layout layout, String key, String value) {
        Map<String, String> configs = new java.util.TreeMap<>();
        configs.put(key, value);
        if (layout.replicationFactor() >= 3) {
            configs.put("min.insync.replicas", "2");
        }
        return new TopicSpec(name, partitions, layout.replicationFactor(), java.util.Collections.unmodifiableMap(configs));
    }
}
