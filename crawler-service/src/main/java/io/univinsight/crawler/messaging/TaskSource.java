package io.univinsight.crawler.messaging;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.univinsight.events.ConsumerGroupLag;
import io.univinsight.events.Priority;
import io.univinsight.events.Topics;

/**
 * Where a crawler takes its tasks from: the consumer group, one topic per priority and the retry
 * topic. Production uses {@link #standard()}; tests give an instance private topics.
 */
public record TaskSource(String groupId, Map<Priority, String> priorityTopics, String retryTopic) {

    public TaskSource {
        priorityTopics = new EnumMap<>(priorityTopics);
    }

    public static TaskSource standard() {
        Map<Priority, String> topics = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            topics.put(p, p.topic());
        }
        return new TaskSource(ConsumerGroupLag.CRAWLER_GROUP, topics, Topics.TASKS_RETRY);
    }

    /** Topics named prefix + "critical", ..., prefix + "retry", for a test or a separate crawler pool. */
    public static TaskSource withPrefix(String groupId, String prefix) {
        Map<Priority, String> topics = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            topics.put(p, prefix + p.wireName());
        }
        return new TaskSource(groupId, topics, prefix + "retry");
    }

    /** Every topic to subscribe to, highest priority first, the retry topic last. */
    public List<String> topics() {
        List<String> all = new ArrayList<>(priorityTopics.values());
        all.add(retryTopic);
        return all;
    }

    /** The priority whose topic this is, or null (the retry topic). */
    public Priority priorityOf(String topic) {
        for (Map.Entry<Priority, String> e : priorityTopics.entrySet()) {
            if (e.getValue().equals(topic)) {
                return e.getKey();
            }
        }
        return null;
    }
}
