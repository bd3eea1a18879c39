package io.univinsight.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The topic names of {@link Topics} as configuration ({@code univ.topics.results} and so on), so a
 * service's application.properties names a topic as {@code ${univ.topics.results}} and never as a
 * string of its own. Found by every Quarkus service through META-INF/services; the lowest ordinal,
 * so the names stay overridable like any other setting.
 */
public final class TopicsConfigSource implements ConfigSource {
    public static final String PREFIX = "univ.topics.";

    private static final Map<String, String> NAMES = names();

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(PREFIX + "tasks", String.join(",", Topics.priorityTopics()));
        names.put(PREFIX + "tasks-retry", Topics.TASKS_RETRY);
        names.put(PREFIX + "tasks-dlq", Topics.TASKS_DLQ);
        names.put(PREFIX + "task-status", Topics.TASK_STATUS);
        names.put(PREFIX + "results", Topics.RESULTS);
        names.put(PREFIX + "worker-heartbeats", Topics.WORKER_HEARTBEATS);
        names.put(PREFIX + "persistence-dlq", Topics.PERSISTENCE_DLQ);
        names.put(PREFIX + "monitor-dlq", Topics.MONITOR_DLQ);
        names.put(PREFIX + "task-cancellations", Topics.TASK_CANCELLATIONS);
        names.put(PREFIX + "page-state", Topics.PAGE_STATE);
        return Map.copyOf(names);
    }

    /** Every property this source defines, with its value. */
    public static Map<String, String> topicProperties() {
        return NAMES;
    }

    @Override
    public Map<String, String> getProperties() {
        return NAMES;
    }

    @Override
    public Set<String> getPropertyNames() {
        return NAMES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return NAMES.get(propertyName);
    }

    @Override
    public String getName() {
        return "univinsight-topics";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
