package io.univinsight.persistence.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.persistence.jdbc.TaskTable;
import io.univinsight.persistence.metrics.RowsWritten;
import io.univinsight.persistence.state.TaskRow;
import io.univinsight.persistence.state.TaskStateMachine;
import jakarta.enterprise.context.ApplicationScoped;

/** Writes a batch of task records or status events into crawl_tasks, inside the caller's transaction. */
@ApplicationScoped
public class TaskEventsWriter {
    private final TaskTable table = new TaskTable();

    public void writeTasks(Connection c, List<CrawlTask> batch, RowsWritten written) throws SQLException {
        Map<UUID, TaskRow> rows = table.lock(c, new TreeSet<>(batch.stream().map(t -> UUID.fromString(t.taskId())).toList()));
        for (CrawlTask task : batch) {
            TaskRow row = rows.computeIfAbsent(UUID.fromString(task.taskId()),
                    id -> TaskStateMachine.newRow(id, task.url(), task.universityName(), task.submittedAt()));
            TaskStateMachine.applyTask(row, task);
        }
        table.save(c, rows.values());
        written.add("crawl_tasks", rows.size());
    }

    public void writeStatuses(Connection c, List<TaskStatusChanged> batch, RowsWritten written) throws SQLException {
        Map<UUID, TaskRow> rows = table.lock(c, new TreeSet<>(batch.stream().map(e -> UUID.fromString(e.taskId())).toList()));
        for (TaskStatusChanged event : batch) {
            TaskRow row = rows.computeIfAbsent(UUID.fromString(event.taskId()),
                    id -> TaskStateMachine.newRow(id, event.url(), event.universityName(), event.at()));
            TaskStateMachine.applyStatus(row, event);
        }
        table.save(c, rows.values());
        written.add("crawl_tasks", rows.size());
    }
}
