package io.univinsight.taskapi.service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.univinsight.events.CrawlTask;
import io.univinsight.taskapi.error.Unavailable;
import io.univinsight.taskapi.service.RecrawlSchedules.Schedule;
import io.univinsight.taskapi.service.RecrawlSchedules.StartUrl;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Submits the recrawls that are due, once across every task-api replica. Each due schedule is
 * locked with SELECT ... FOR UPDATE SKIP LOCKED (another replica's tick skips it), its tasks are
 * published, and its next_due_at advances in that same transaction. A task's id is derived from
 * the schedule and the due time it serves: if this replica dies after publishing and before the
 * commit, the replica that takes the row over publishes the same task ids again, which every
 * consumer keeps once (an at-least-once redelivery, not a second recrawl).
 */
@Singleton
public class DueRecrawls {
    private static final Logger LOG = Logger.getLogger(DueRecrawls.class);
    /** Schedules handled per tick at most; the rest wait for the next tick. */
    static final int MAX_SCHEDULES_PER_TICK = 100;

    private final DataSource dataSource;
    private final TaskService tasks;

    @Inject
    public DueRecrawls(DataSource dataSource, TaskService tasks) {
        this.dataSource = dataSource;
        this.tasks = tasks;
    }

    /** Submits every due recrawl (up to the tick's cap); returns how many tasks it published. */
    public int submitDue(Instant now) {
        int published = 0;
        for (int i = 0; i < MAX_SCHEDULES_PER_TICK; i++) {
            Optional<Integer> next;
            try {
                next = submitNextDue(now);
            } catch (SQLException e) {
                LOG.warnf("recrawl scheduler: database unavailable (%s); due recrawls wait for the next tick", e.getMessage());
                break;
            } catch (Unavailable e) {
                LOG.warnf("recrawl scheduler: task queue unavailable (%s); due recrawls wait for the next tick", e.getMessage());
                break;
            }
            if (next.isEmpty()) {
                break;
            }
            published += next.get();
        }
        return published;
    }

    /** Locks one due schedule no other replica holds, publishes its tasks, advances it; empty when none is due. */
    Optional<Integer> submitNextDue(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Schedule due = lockNextDue(c, now);
                if (due == null) {
                    c.rollback();
                    return Optional.empty();
                }
                claimed(due);
                List<CrawlTask> recrawls = tasksFor(c, due);
                for (CrawlTask task : recrawls) {
                    tasks.send(task); // throws when not acknowledged: the rollback leaves the schedule due
                }
                advance(c, due, now);
                c.commit();
                LOG.infof("recrawl of %s%s: %d task(s) submitted, next due %s", due.universityName(),
                        due.coversWholeUniversity() ? "" : " " + due.startUrl(), recrawls.size(), now.plus(due.every()));
                return Optional.of(recrawls.size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Called with the row locked, before anything is published (tests hold the lock here). */
    protected void claimed(Schedule due) {
    }

    private static Schedule lockNextDue(Connection c, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + RecrawlSchedules.COLUMNS + " FROM task_api_recrawl_schedules"
                + " WHERE next_due_at <= ? ORDER BY next_due_at LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            select.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? RecrawlSchedules.read(rs) : null;
            }
        }
    }

    /**
     * The tasks a due schedule becomes: its start URL, or each of the university's start URLs that
     * has no schedule of its own; a URL whose task is still queued or running is left out.
     */
    private static List<CrawlTask> tasksFor(Connection c, Schedule due) throws SQLException {
        Set<String> active = RecrawlSchedules.activeUrls(c, due.universityName());
        List<CrawlTask> recrawls = new ArrayList<>();
        if (!due.coversWholeUniversity()) {
            if (!active.contains(due.startUrl())) {
                recrawls.add(task(due, new StartUrl(due.startUrl(), due.department(), due.maxDepth(), due.maxPages(), due.priority())));
            }
            return recrawls;
        }
        Set<String> ownSchedules = new java.util.HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT start_url FROM task_api_recrawl_schedules"
                + " WHERE university_name = ? AND start_url IS NOT NULL")) {
            select.setString(1, due.universityName());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ownSchedules.add(rs.getString(1));
                }
            }
        }
        for (StartUrl start : RecrawlSchedules.startUrls(c, due.universityName())) {
            if (!active.contains(start.url()) && !ownSchedules.contains(start.url())) {
                recrawls.add(task(due, start));
            }
        }
        return recrawls;
    }

    /** The recrawl of one start URL, at the schedule's priority, with an id fixed by the schedule, the due time and the URL. */
    static CrawlTask task(Schedule due, StartUrl start) {
        String identity = "recrawl|" + due.id() + "|" + due.nextDueAt().toEpochMilli() + "|" + start.url();
        String taskId = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
        return new CrawlTask(CrawlTask.SCHEMA_VERSION, taskId, start.url(), due.universityName(), start.department(), due.priority(),
                start.maxDepth() == null ? TaskRequestValidator.DEFAULT_MAX_DEPTH : start.maxDepth(),
                start.maxPages() == null ? TaskRequestValidator.DEFAULT_MAX_PAGES : start.maxPages(),
                Instant.now(), 1, null);
    }

    private static void advance(Connection c, Schedule due, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE task_api_recrawl_schedules SET next_due_at = ?, last_submitted_at = ?"
                + " WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(now.plus(due.every())));
            update.setTimestamp(2, Timestamp.from(now));
            update.setLong(3, due.id());
            update.executeUpdate();
        }
    }
}
