package io.univinsight.taskapi.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.events.RenderMode;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.schema.ResultRecord;
import io.univinsight.schema.TaskRecord;
import io.univinsight.taskapi.error.Conflict;
import io.univinsight.taskapi.error.FieldError;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.error.NotFound;
import io.univinsight.taskapi.error.Unavailable;
import io.univinsight.taskapi.messaging.TaskPublisher;
import io.univinsight.taskapi.query.CursorPage;
import io.univinsight.taskapi.query.Filter;
import io.univinsight.taskapi.query.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Submitting, reading, cancelling and retrying tasks. */
@ApplicationScoped
public class TaskService {
    private static final Logger LOG = Logger.getLogger(TaskService.class);
    private static final int MAX_LIST_LIMIT = 500;
    private static final Set<TaskStatus> ACTIVE = EnumSet.of(TaskStatus.PENDING, TaskStatus.RUNNING, TaskStatus.RETRYING);

    @Inject
    EntityManager em;
    @Inject
    TaskPublisher publisher;
    @Inject
    RecentSubmissions recent;
    @Inject
    RecrawlSchedules schedules;

    /** A submit's answer: 202 with a new task, or 200 with the active task of the same URL. */
    public record Submitted(int status, TaskView task) {
    }

    /** The bulk answer: every line accepted or refused, with its number. */
    public record BulkOutcome(int received, int accepted, int rejected, List<AcceptedLine> tasks, List<LineError> errors) {
    }

    public record AcceptedLine(int line, String taskId, String url) {
    }

    public record LineError(int line, String field, String reason) {
    }

    public Submitted submit(TaskRequest request, boolean force) {
        Optional<Submitted> active = activeFor(request, force);
        Submitted submitted = active.isPresent() ? active.get() : send(newTask(request));
        scheduleRecrawl(request);
        return submitted;
    }

    /**
     * A valid request with recrawlEvery schedules its start URL (replacing an earlier schedule of
     * it), whether it became a new task or found one already active.
     */
    public void scheduleRecrawl(TaskRequest request) {
        if (request.recrawlEvery() == null) {
            return;
        }
        schedules.scheduleStartUrl(request.universityName().strip(), request.url().strip(), blankToNull(request.department()),
                request.maxDepth() == null ? TaskRequestValidator.DEFAULT_MAX_DEPTH : request.maxDepth(),
                request.maxPages() == null ? TaskRequestValidator.DEFAULT_MAX_PAGES : request.maxPages(),
                Priority.parse(request.priority()), RecrawlInterval.parse(request.recrawlEvery()), Instant.now());
    }

    /** Checks the request (400 when invalid); the 200 answer when its URL already has an active task (unless forced). */
    public Optional<Submitted> activeFor(TaskRequest request, boolean force) {
        List<FieldError> errors = TaskRequestValidator.validate(request);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return force ? Optional.empty() : activeTaskFor(request.url().strip()).map(t -> new Submitted(200, t));
    }

    /** The task a valid request becomes, with its id, before it is sent. */
    public CrawlTask newTask(TaskRequest request) {
        return toTask(request);
    }

    /**
     * Sends a task and answers 202 once the broker acknowledged it. The same task sent again (a
     * retry after {@link Unacknowledged}) keeps its id: if the first send did reach the broker,
     * the same task id twice is an at-least-once redelivery, which every consumer keeps once.
     */
    public Submitted send(CrawlTask task) {
        return publish(task);
    }

    private Submitted publish(CrawlTask task) {
        try {
            publisher.publish(task);
        } catch (TaskPublisher.PublishFailedException e) {
            LOG.warnf("task %s for %s not acknowledged: %s (%s)", task.taskId(), task.url(), e.getMessage(), e.getCause());
            throw new Unacknowledged();
        }
        TaskView view = TaskView.pending(task);
        recent.remember(view);
        return new Submitted(202, view);
    }

    /**
     * A 503 whose outcome is unknown: the broker did not acknowledge the task, yet it may have
     * written it and died before answering (kill -9 mid-request), so the task may still run.
     */
    public static final class Unacknowledged extends Unavailable {
        Unacknowledged() {
            super("the task queue did not acknowledge the task; it may still have been queued: "
                    + "send the same request with the same Idempotency-Key to learn its outcome", 5);
        }
    }

    /** Accepts every valid line (written in one batch), reports every other with its number; none valid is a 400. */
    public BulkOutcome submitBulk(List<BulkParser.Line> lines) {
        List<LineError> errors = new ArrayList<>();
        List<CrawlTask> tasks = new ArrayList<>();
        List<Integer> taskLines = new ArrayList<>();
        List<TaskRequest> taskRequests = new ArrayList<>();
        for (BulkParser.Line line : lines) {
            if (line.error() != null) {
                errors.add(new LineError(line.number(), line.error().field(), line.error().reason()));
                continue;
            }
            List<FieldError> invalid = TaskRequestValidator.validate(line.request());
            if (!invalid.isEmpty()) {
                invalid.forEach(f -> errors.add(new LineError(line.number(), f.field(), f.reason())));
                continue;
            }
            tasks.add(toTask(line.request()));
            taskLines.add(line.number());
            taskRequests.add(line.request());
        }
        List<Exception> outcomes = publisher.publishAll(tasks);
        List<AcceptedLine> accepted = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            CrawlTask task = tasks.get(i);
            if (outcomes.get(i) == null) {
                recent.remember(TaskView.pending(task));
                scheduleRecrawl(taskRequests.get(i));
                accepted.add(new AcceptedLine(taskLines.get(i), task.taskId(), task.url()));
            } else {
                errors.add(new LineError(taskLines.get(i), "queue", "not accepted: the task queue is unavailable"));
            }
        }
        if (accepted.isEmpty() && !tasks.isEmpty()) {
            LOG.warnf("bulk of %d tasks refused: %s", tasks.size(), outcomes.get(0));
            throw new Unavailable("the task queue is unavailable; no task was accepted", 5);
        }
        errors.sort(java.util.Comparator.comparingInt(LineError::line));
        if (accepted.isEmpty()) {
            // Nothing accepted: a problem like every other 400, naming each line and what is wrong with it.
            throw new InvalidRequest("none of the " + lines.size() + " lines is a valid task",
                    errors.stream().map(e -> new FieldError("line " + e.line() + (e.field() == null ? "" : "." + e.field()), e.reason())).toList());
        }
        return new BulkOutcome(lines.size(), accepted.size(), lines.size() - accepted.size(), accepted, errors);
    }

    /** A page of tasks, newest first, each with its result counts. */
    public CursorPage<TaskView> list(Filter filter, String cursor, int limit) {
        return ReadQueries.run(() -> CursorPage.read(em, TaskRecord.class, filter, Keyset.NEWEST_TASKS_FIRST, cursor, limit, MAX_LIST_LIMIT))
                .map(this::withResults);
    }

    private List<TaskView> withResults(List<TaskRecord> rows) {
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        Map<UUID, ResultRecord> results = ids.isEmpty() ? Map.of()
                : ReadQueries.run(() -> ResultRecord.<ResultRecord>list("taskId in ?1", ids)).stream()
                        .collect(Collectors.toMap(r -> r.taskId, r -> r, (a, b) -> a));
        return rows.stream().map(r -> TaskView.of(r, results.get(r.id))).toList();
    }

    /** The task, or a NotFound. */
    public TaskView get(String taskId) {
        return find(taskId).orElseThrow(() -> new NotFound("no task " + taskId));
    }

    /** The task as the database knows it, or as this instance last saw it when that is newer. */
    public Optional<TaskView> find(String taskId) {
        UUID id = parseId(taskId);
        TaskRecord row = ReadQueries.run(() -> TaskRecord.findById(id));
        Optional<TaskView> cached = recent.find(taskId);
        if (row == null) {
            return cached;
        }
        ResultRecord result = ReadQueries.run(() -> ResultRecord.find("taskId", id).firstResult());
        TaskView stored = TaskView.of(row, result);
        if (cached.isPresent() && stored.status().mayMoveTo(cached.get().status(), stored.attempts(), cached.get().attempts())) {
            return Optional.of(stored.withStatus(cached.get().status()));
        }
        return Optional.of(stored);
    }

    /** Cancels a PENDING task (the crawler then skips it); a cancelled one is answered as it is. */
    public TaskView cancel(String taskId) {
        TaskView task = get(taskId);
        if (task.status() == TaskStatus.CANCELLED) {
            return task;
        }
        if (task.status() != TaskStatus.PENDING) {
            throw new Conflict("task " + taskId + " is " + task.status() + "; only a PENDING task can be cancelled");
        }
        TaskStatusChanged cancelled = new TaskStatusChanged(TaskStatusChanged.SCHEMA_VERSION, taskId, TaskStatus.CANCELLED, Instant.now(),
                "task-api", Math.max(1, task.attempts()), "cancelled by request", task.url(), task.universityName(), Priority.parse(task.priority()));
        try {
            publisher.publishCancellation(cancelled);
        } catch (TaskPublisher.PublishFailedException e) {
            throw new Unavailable("the task queue is unavailable; the task was not cancelled", 5);
        }
        TaskView view = task.withStatus(TaskStatus.CANCELLED);
        recent.remember(view);
        return view;
    }

    /** Submits a FAILED task again, as a new task with the same parameters. */
    public TaskView retry(String taskId) {
        TaskView failed = get(taskId);
        if (failed.status() != TaskStatus.FAILED) {
            throw new Conflict("task " + taskId + " is " + failed.status() + "; only a FAILED task can be retried");
        }
        TaskRequest again = new TaskRequest(failed.url(), failed.universityName(), failed.department(), failed.priority(),
                failed.maxDepth(), failed.maxPages(), null, failed.render());
        return submit(again, true).task();
    }

    private Optional<TaskView> activeTaskFor(String url) {
        Optional<TaskView> mine = recent.findByUrl(url).filter(t -> ACTIVE.contains(t.status()));
        if (mine.isPresent()) {
            return find(mine.get().taskId()).filter(t -> ACTIVE.contains(t.status()));
        }
        // By URL only (its index finds a handful of rows), then the status: a combined condition lets
        // the planner scan the status index, which holds every queued task of a backlog.
        List<TaskRecord> sameUrl = ReadQueries.run(() -> TaskRecord.<TaskRecord>find("url", io.quarkus.panache.common.Sort.descending("createdAt"), url)
                .page(io.quarkus.panache.common.Page.ofSize(20)).list());
        return sameUrl.stream().filter(r -> ACTIVE.contains(r.status)).findFirst().flatMap(r -> find(r.id.toString()));
    }

    private static CrawlTask toTask(TaskRequest request) {
        return new CrawlTask(CrawlTask.SCHEMA_VERSION, UUID.randomUUID().toString(), request.url().strip(),
                request.universityName().strip(), blankToNull(request.department()), Priority.parse(request.priority()),
                request.maxDepth() == null ? TaskRequestValidator.DEFAULT_MAX_DEPTH : request.maxDepth(),
                request.maxPages() == null ? TaskRequestValidator.DEFAULT_MAX_PAGES : request.maxPages(),
                Instant.now(), 1, null, RenderMode.parse(request.render()));
    }

    static UUID parseId(String taskId) {
        try {
            return UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("id", "is not a task id (UUID)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
