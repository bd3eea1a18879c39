package io.univinsight.taskapi.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.univinsight.events.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The recrawl schedules in PostgreSQL (task_api_recrawl_schedules), shared by every task-api
 * replica, and the start URLs a university has (the distinct URLs of its stored tasks).
 */
@ApplicationScoped
public class RecrawlSchedules {
    /** At most this many start URLs are recrawled per university. */
    public static final int MAX_START_URLS = 1000;
    static final String COLUMNS = "id, university_name, start_url, department, max_depth, max_pages, priority, every_seconds, next_due_at, last_submitted_at";

    @Inject
    DataSource dataSource;

    /** One row: a university's schedule (startUrl null: all its start URLs) or one start URL's. */
    public record Schedule(long id, String universityName, String startUrl, String department, Integer maxDepth, Integer maxPages,
                           Priority priority, Duration every, Instant nextDueAt, Instant lastSubmittedAt) {
        public boolean coversWholeUniversity() {
            return startUrl == null;
        }
    }

    /** A start URL and the parameters of its latest task. */
    public record StartUrl(String url, String department, Integer maxDepth, Integer maxPages, Priority priority) {
    }

    /** Creates or replaces the schedule of one start URL (recrawlEvery on submit); first due one interval from now. */
    public void scheduleStartUrl(String university, String url, String department, int maxDepth, int maxPages, Priority priority,
                                 Duration every, Instant now) {
        ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement upsert = c.prepareStatement("INSERT INTO task_api_recrawl_schedules"
                         + " (university_name, start_url, department, max_depth, max_pages, priority, every_seconds, next_due_at, updated_at)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                         + " ON CONFLICT (university_name, start_url) WHERE start_url IS NOT NULL DO UPDATE SET department = EXCLUDED.department,"
                         + " max_depth = EXCLUDED.max_depth, max_pages = EXCLUDED.max_pages, priority = EXCLUDED.priority,"
                         + " every_seconds = EXCLUDED.every_seconds, next_due_at = EXCLUDED.next_due_at, updated_at = EXCLUDED.updated_at")) {
                upsert.setString(1, university);
                upsert.setString(2, url);
                upsert.setString(3, department);
                upsert.setInt(4, maxDepth);
                upsert.setInt(5, maxPages);
                upsert.setString(6, priority.wireName());
                upsert.setLong(7, every.toSeconds());
                upsert.setTimestamp(8, Timestamp.from(now.plus(every)));
                upsert.setTimestamp(9, Timestamp.from(now));
                upsert.executeUpdate();
                return null;
            }
        });
    }

    /** Creates or replaces a university's schedule (all its start URLs); first due one interval from now. */
    public void scheduleUniversity(String university, Priority priority, Duration every, Instant now) {
        ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement upsert = c.prepareStatement("INSERT INTO task_api_recrawl_schedules"
                         + " (university_name, start_url, priority, every_seconds, next_due_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?)"
                         + " ON CONFLICT (university_name) WHERE start_url IS NULL DO UPDATE SET priority = EXCLUDED.priority,"
                         + " every_seconds = EXCLUDED.every_seconds, next_due_at = EXCLUDED.next_due_at, updated_at = EXCLUDED.updated_at")) {
                upsert.setString(1, university);
                upsert.setString(2, priority.wireName());
                upsert.setLong(3, every.toSeconds());
                upsert.setTimestamp(4, Timestamp.from(now.plus(every)));
                upsert.setTimestamp(5, Timestamp.from(now));
                upsert.executeUpdate();
                return null;
            }
        });
    }

    /** Removes every schedule of the university (its own and its start URLs'); returns how many. */
    public int unschedule(String university) {
        return ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement delete = c.prepareStatement("DELETE FROM task_api_recrawl_schedules WHERE university_name = ?")) {
                delete.setString(1, university);
                return delete.executeUpdate();
            }
        });
    }

    /** The university's schedules: its own first (if any), then its start URLs' by URL. */
    public List<Schedule> ofUniversity(String university) {
        return ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM task_api_recrawl_schedules"
                         + " WHERE university_name = ? ORDER BY start_url NULLS FIRST")) {
                select.setString(1, university);
                List<Schedule> schedules = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        schedules.add(read(rs));
                    }
                }
                return schedules;
            }
        });
    }

    public List<StartUrl> startUrls(String university) {
        return ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection()) {
                return startUrls(c, university);
            }
        });
    }

    /**
     * The university's start URLs: the distinct URLs of its stored tasks (with their latest task's
     * parameters), and those scheduled on submit that are not stored yet.
     */
    static List<StartUrl> startUrls(Connection c, String university) throws SQLException {
        Map<String, StartUrl> urls = new LinkedHashMap<>();
        try (PreparedStatement stored = c.prepareStatement("SELECT DISTINCT ON (url) url, department, max_depth, max_pages, priority"
                + " FROM crawl_tasks WHERE university_name = ? ORDER BY url, created_at DESC LIMIT " + MAX_START_URLS)) {
            stored.setString(1, university);
            try (ResultSet rs = stored.executeQuery()) {
                while (rs.next()) {
                    urls.put(rs.getString(1), new StartUrl(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                            (Integer) rs.getObject(4), Priority.parse(rs.getString(5))));
                }
            }
        }
        try (PreparedStatement scheduled = c.prepareStatement("SELECT start_url, department, max_depth, max_pages, priority"
                + " FROM task_api_recrawl_schedules WHERE university_name = ? AND start_url IS NOT NULL ORDER BY start_url")) {
            scheduled.setString(1, university);
            try (ResultSet rs = scheduled.executeQuery()) {
                while (rs.next() && urls.size() < MAX_START_URLS) {
                    urls.putIfAbsent(rs.getString(1), new StartUrl(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                            (Integer) rs.getObject(4), Priority.parse(rs.getString(5))));
                }
            }
        }
        return new ArrayList<>(urls.values());
    }

    /** URLs of the university with a task still queued or running: a recrawl of them would only repeat it. */
    static Set<String> activeUrls(Connection c, String university) throws SQLException {
        Set<String> active = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT DISTINCT url FROM crawl_tasks"
                + " WHERE university_name = ? AND status IN ('PENDING', 'RUNNING', 'RETRYING')")) {
            select.setString(1, university);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    active.add(rs.getString(1));
                }
            }
        }
        return active;
    }

    static Schedule read(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp(10);
        return new Schedule(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5),
                (Integer) rs.getObject(6), Priority.parse(rs.getString(7)), Duration.ofSeconds(rs.getLong(8)),
                rs.getTimestamp(9).toInstant(), last == null ? null : last.toInstant());
    }
}
