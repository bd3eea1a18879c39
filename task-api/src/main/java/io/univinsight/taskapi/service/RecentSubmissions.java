package io.univinsight.taskapi.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tasks accepted by this instance that the database may not show yet (persistence-service
 * writes it from the topic a moment later): a GET right after the 202 answers from here.
 */
@ApplicationScoped
public class RecentSubmissions {
    private static final int CAPACITY = 100_000;

    private final Map<String, TaskView> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TaskView> eldest) {
            return size() > CAPACITY;
        }
    };

    public synchronized void remember(TaskView task) {
        recent.put(task.taskId(), task);
    }

    public synchronized Optional<TaskView> find(String taskId) {
        return Optional.ofNullable(recent.get(taskId));
    }
}
