package io.univinsight.taskapi.service;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tasks this instance accepted or cancelled that the database may not show yet
 * (persistence-service writes it from the topics a moment later): a GET right after the 202
 * answers from here, and a second submit of the same URL finds it.
 */
@ApplicationScoped
public class RecentSubmissions {
    private static final int CAPACITY = 100_000;

    private final Map<String, String> taskByUrl = new HashMap<>();
    private final Map<String, TaskView> recent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, TaskView> eldest) {
            if (size() > CAPACITY) {
                taskByUrl.remove(eldest.getValue().url(), eldest.getKey());
                return true;
            }
            return false;
        }
    };

    public synchronized void remember(TaskView task) {
        recent.put(task.taskId(), task);
        taskByUrl.put(task.url(), task.taskId());
    }

    public synchronized Optional<TaskView> find(String taskId) {
        return Optional.ofNullable(recent.get(taskId));
    }

    /** The latest task this instance accepted for the URL, if any. */
    public synchronized Optional<TaskView> findByUrl(String url) {
        String id = taskByUrl.get(url);
        return id == null ? Optional.empty() : Optional.ofNullable(recent.get(id));
    }
}
