package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.instant;
import static io.univinsight.persistence.jdbc.Jdbc.integer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.univinsight.persistence.state.TaskRow;

/** crawl_tasks: lock a batch's rows, then insert the new ones and update the others, one statement each. */
public final class TaskTable {
    private static final UnnestColumns<TaskRow> ROW = new UnnestColumns<TaskRow>()
            .text("url", r -> r.url)
            .text("university_name", r -> r.universityName)
            .text("department", r -> r.department)
            .text("status", r -> r.status)
            .text("priority", r -> r.priority)
            .integer("max_depth", r -> r.maxDepth)
            .integer("max_pages", r -> r.maxPages)
            .integer("attempt", r -> r.attempt)
            .instant("created_at", r -> r.createdAt)
            .instant("started_at", r -> r.startedAt)
            .instant("completed_at", r -> r.completedAt)
            .instant("status_at", r -> r.statusAt)
            .integer("retry_count", r -> r.retryCount)
            .integer("max_retries", r -> r.maxRetries)
            .text("last_error", r -> r.lastError)
            .text("worker_id", r -> r.workerId)
            .instant("last_error_at", r -> r.lastErrorAt)
            .text("render", r -> r.render)
            .uuid("id", r -> r.id);
    private static final String COLUMNS = ROW.names();
    /** RETURNING counts the rows inserted: one another writer inserted since the lock is not, and the batch retries. */
    private static final String INSERT = "INSERT INTO crawl_tasks (" + COLUMNS + ") SELECT " + ROW.values("r") + " FROM "
            + ROW.unnest("r") + " ON CONFLICT (id) DO NOTHING RETURNING id";
    private static final String UPDATE = "UPDATE crawl_tasks t SET " + ROW.assignments("r", "id") + " FROM " + ROW.unnest("r")
            + " WHERE t.id = r.id::uuid";

    /** The stored rows among ids, locked until commit (in id order, so concurrent batches do not deadlock). */
    public Map<UUID, TaskRow> lock(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, TaskRow> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + ", EXISTS (SELECT 1 FROM crawl_results r WHERE r.task_id = t.id) AS has_result"
                + " FROM crawl_tasks t WHERE t.id = ANY (?) ORDER BY t.id FOR UPDATE OF t")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TaskRow r = new TaskRow();
                    r.id = rs.getObject("id", UUID.class);
                    r.url = rs.getString("url");
                    r.universityName = rs.getString("university_name");
                    r.department = rs.getString("department");
                    r.status = rs.getString("status");
                    r.priority = rs.getString("priority");
                    r.maxDepth = integer(rs, "max_depth");
                    r.maxPages = integer(rs, "max_pages");
                    r.attempt = rs.getInt("attempt");
                    r.createdAt = instant(rs, "created_at");
                    r.startedAt = instant(rs, "started_at");
                    r.completedAt = instant(rs, "completed_at");
                    r.statusAt = instant(rs, "status_at");
                    r.retryCount = rs.getInt("retry_count");
                    r.maxRetries = rs.getInt("max_retries");
                    r.lastError = rs.getString("last_error");
                    r.workerId = rs.getString("worker_id");
                    r.lastErrorAt = instant(rs, "last_error_at");
                    r.render = rs.getString("render");
                    r.hasResult = rs.getBoolean("has_result");
                    r.stored = true;
                    rows.put(r.id, r);
                }
            }
        }
        return rows;
    }

    /** Inserts the rows not stored yet and updates the stored ones, one statement each. */
    public void save(Connection c, Collection<TaskRow> rows) throws SQLException {
        List<TaskRow> inserts = new ArrayList<>();
        List<TaskRow> updates = new ArrayList<>();
        for (TaskRow r : rows) {
            (r.stored ? updates : inserts).add(r);
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                ROW.bind(c, insert, inserts);
                int inserted = 0;
                try (ResultSet keys = insert.executeQuery()) {
                    while (keys.next()) {
                        inserted++;
                    }
                }
                if (inserted != inserts.size()) {
                    throw Jdbc.concurrentInsert("crawl_tasks");
                }
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement update = c.prepareStatement(UPDATE)) {
                ROW.bind(c, update, updates);
                update.executeUpdate();
            }
        }
        rows.forEach(r -> r.stored = true);
    }
}
