package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.instant;
import static io.univinsight.persistence.jdbc.Jdbc.integer;
import static io.univinsight.persistence.jdbc.Jdbc.setInstant;
import static io.univinsight.persistence.jdbc.Jdbc.setInteger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.univinsight.persistence.state.TaskRow;

/** crawl_tasks: lock a batch's rows, then insert the new ones and update the others in JDBC batches. */
public final class TaskTable {
    private static final String COLUMNS = "url, university_name, department, status, priority, max_depth, max_pages, attempt, "
            + "created_at, started_at, completed_at, status_at, retry_count, max_retries, last_error, worker_id, last_error_at, render";

    /** The stored rows among ids, locked until commit (in id order, so concurrent batches do not deadlock). */
    public Map<UUID, TaskRow> lock(Connection c, Collection<UUID> ids) throws SQLException {
        Map<UUID, TaskRow> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.id, " + COLUMNS
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

    /** Inserts the rows not stored yet and updates the stored ones. */
    public void save(Connection c, Collection<TaskRow> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO crawl_tasks (" + COLUMNS + ", id) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING", new String[] {"id"});
             PreparedStatement update = c.prepareStatement("UPDATE crawl_tasks SET url = ?, university_name = ?, department = ?, "
                     + "status = ?, priority = ?, max_depth = ?, max_pages = ?, attempt = ?, created_at = ?, started_at = ?, "
                     + "completed_at = ?, status_at = ?, retry_count = ?, max_retries = ?, last_error = ?, worker_id = ?, last_error_at = ?, render = ? WHERE id = ?")) {
            int inserts = 0;
            int updates = 0;
            for (TaskRow r : rows) {
                PreparedStatement ps = r.stored ? update : insert;
                bind(ps, r);
                ps.addBatch();
                if (r.stored) {
                    updates++;
                } else {
                    inserts++;
                }
            }
            if (inserts > 0 && Jdbc.executeCountingKeys(insert) != inserts) {
                throw Jdbc.concurrentInsert("crawl_tasks");
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
        rows.forEach(r -> r.stored = true);
    }

    private static void bind(PreparedStatement ps, TaskRow r) throws SQLException {
        ps.setString(1, r.url);
        ps.setString(2, r.universityName);
        ps.setString(3, r.department);
        ps.setString(4, r.status);
        ps.setString(5, r.priority);
        setInteger(ps, 6, r.maxDepth);
        setInteger(ps, 7, r.maxPages);
        ps.setInt(8, r.attempt);
        setInstant(ps, 9, r.createdAt);
        setInstant(ps, 10, r.startedAt);
        setInstant(ps, 11, r.completedAt);
        setInstant(ps, 12, r.statusAt);
        ps.setInt(13, r.retryCount);
        ps.setInt(14, r.maxRetries);
        ps.setString(15, r.lastError);
        ps.setString(16, r.workerId);
        setInstant(ps, 17, r.lastErrorAt);
        ps.setString(18, r.render);
        ps.setObject(19, r.id);
    }
}
