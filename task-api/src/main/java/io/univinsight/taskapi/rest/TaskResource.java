package io.univinsight.taskapi.rest;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.EventJson;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.schema.ResultRecord;
import io.univinsight.schema.TaskRecord;
import io.univinsight.taskapi.service.BulkAdmission;
import io.univinsight.taskapi.service.BulkParser;
import io.univinsight.taskapi.service.IdempotencyStore;
import io.univinsight.taskapi.service.ReadQueries;
import io.univinsight.taskapi.service.TaskRequest;
import io.univinsight.taskapi.service.TaskService;
import io.univinsight.taskapi.service.TaskView;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/tasks")
@Tag(name = "tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private static final int MAX_LIMIT = 500;
    private static final String SUBMIT_EXAMPLE = "{\"url\":\"https://www.cs.example.edu/people/faculty\",\"universityName\":\"Example University\","
            + "\"department\":\"Computer Science\",\"priority\":\"high\",\"maxDepth\":2,\"maxPages\":100}";

    @Inject
    TaskService tasks;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    ObjectMapper json;
    @Inject
    io.univinsight.taskapi.config.ApiAccessConfig access;
    @Inject
    BulkAdmission bulkAdmission;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a crawl task",
            description = "202 once the task is durably on its priority topic; 200 with the existing task when the URL is already PENDING or RUNNING "
                    + "(unless force=true); 503 with Retry-After when the queue is down. An Idempotency-Key makes a retried submit return the first answer.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "task", value = SUBMIT_EXAMPLE)))
    public Response submit(InputStream stream, @Context HttpServerRequest http, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @QueryParam("force") @DefaultValue("false") boolean force) throws Exception {
        String body = BodyReader.read(stream, access.maxTaskBodyBytes(), http);
        if (idempotencyKey == null) {
            return answer(tasks.submit(readRequest(body), force));
        }
        IdempotencyStore.Claim claim = idempotency.claim(idempotencyKey, body + "|force=" + force);
        if (claim.isReplay()) {
            IdempotencyStore.StoredAnswer stored = claim.answer();
            Response.ResponseBuilder replay = Response.status(stored.status()).type(MediaType.APPLICATION_JSON)
                    .entity(stored.body()).header("Idempotent-Replayed", "true");
            if (stored.location() != null) {
                replay.location(URI.create(stored.location()));
            }
            return replay.build();
        }
        String sentTask = claim.unacknowledgedTask();
        try {
            TaskService.Submitted submitted;
            if (sentTask != null) {
                submitted = tasks.send(EventJson.mapper().readValue(sentTask, CrawlTask.class));
            } else {
                TaskRequest request = readRequest(body);
                var active = tasks.activeFor(request, force);
                if (active.isPresent()) {
                    submitted = active.get();
                } else {
                    CrawlTask task = tasks.newTask(request);
                    // Recorded before the send: whatever happens after it (no acknowledgement, the database
                    // or this process gone), a retry with this key sends this task again, never a second one.
                    String taskJson = EventJson.mapper().writeValueAsString(task);
                    idempotency.unacknowledged(idempotencyKey, taskJson);
                    sentTask = taskJson;
                    submitted = tasks.send(task);
                }
            }
            idempotency.complete(idempotencyKey, submitted.status(), json.writeValueAsString(submitted.task()), location(submitted.task()));
            return answer(submitted);
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                releaseOrKeep(idempotencyKey, sentTask); // a retry may succeed once the queue is back
            } else {
                idempotency.complete(idempotencyKey, e.status(), json.writeValueAsString(new Problem("about:blank", e.title(), e.status(),
                        e.getMessage(), "/api/tasks", e.errors())), null);
            }
            throw e;
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            releaseOrKeep(idempotencyKey, sentTask);
            throw e;
        }
    }

    /** Nothing sent: the key is free again. A task possibly sent stays claimed until a retry learns its outcome. */
    private void releaseOrKeep(String key, String sentTask) {
        if (sentTask == null) {
            idempotency.release(key);
        }
    }

    @POST
    @Path("/bulk")
    @Consumes({MediaType.APPLICATION_JSON, "application/x-ndjson", "application/ndjson", "text/csv"})
    @Operation(summary = "Submit up to 10,000 tasks as a JSON array, NDJSON or CSV (url,university,department,priority)",
            description = "Valid lines are accepted (written in one batch), every invalid one is reported with its line number and reason.")
    public Response bulk(InputStream stream, @Context HttpServerRequest http, @HeaderParam("Content-Type") String contentType) {
        TaskService.BulkOutcome outcome;
        try (BulkAdmission.Turn turn = bulkAdmission.enter()) {
            List<BulkParser.Line> lines = BulkParser.parse(BodyReader.read(stream, access.maxBodyBytes(), http), contentType, json);
            outcome = tasks.submitBulk(lines);
        }
        if (outcome.accepted() == 0) {
            // Nothing accepted: a problem like every other 400, naming each line and what is wrong with it.
            throw new ProblemException(400, "Invalid request", "none of the " + outcome.received() + " lines is a valid task",
                    outcome.errors().stream().map(e -> new Problem.FieldError("line " + e.line() + (e.field() == null ? "" : "." + e.field()),
                            e.reason())).toList(), java.util.Map.of());
        }
        return Response.status(202).entity(outcome).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task's status, priority, timestamps, attempts, last error and result counts")
    public TaskView get(@PathParam("id") String id) {
        return tasks.find(id).orElseThrow(() -> ProblemException.notFound("no task " + id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a PENDING task: the crawler skips it and it ends CANCELLED (409 for a started or finished task)")
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(tasks.cancel(id)).build();
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Submit a FAILED task again, as a new task with the same parameters (409 unless FAILED)")
    public Response retry(@PathParam("id") String id) {
        TaskView again = tasks.retry(id);
        return Response.accepted(again).location(URI.create(location(again))).header("X-Retry-Of", id).build();
    }

    @GET
    @Operation(summary = "List tasks, newest first: filters status, university, priority, createdFrom/createdTo (ISO-8601); cursor pagination; X-Total-Count")
    public Response list(@QueryParam("status") String status, @QueryParam("university") String university,
                         @QueryParam("priority") String priority, @QueryParam("createdFrom") String createdFrom,
                         @QueryParam("createdTo") String createdTo, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", enumValue("status", status, TaskStatus.class));
        }
        if (university != null) {
            where.append(" and universityName = :university");
            params.and("university", university);
        }
        if (priority != null) {
            where.append(" and priority = :priority");
            params.and("priority", enumValue("priority", priority, Priority.class).wireName());
        }
        if (createdFrom != null) {
            where.append(" and createdAt >= :from");
            params.and("from", instant("createdFrom", createdFrom));
        }
        if (createdTo != null) {
            where.append(" and createdAt < :to");
            params.and("to", instant("createdTo", createdTo));
        }
        long total = ReadQueries.run(() -> TaskRecord.count(where.toString(), params));
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor);
            where.append(" and (createdAt < :cAt or (createdAt = :cAt and id < :cId))");
            params.and("cAt", instant("cursor", c.sortValue())).and("cId", uuid(c.id()));
        }
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<TaskRecord> rows = ReadQueries.run(() -> TaskRecord.<TaskRecord>find(where.toString(),
                Sort.descending("createdAt", "id"), params).page(Page.ofSize(size)).list());
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        Map<UUID, ResultRecord> results = ids.isEmpty() ? Map.of()
                : ReadQueries.run(() -> ResultRecord.<ResultRecord>list("taskId in ?1", ids)).stream()
                        .collect(Collectors.toMap(r -> r.taskId, r -> r, (a, b) -> a));
        Response.ResponseBuilder response = Response.ok(rows.stream().map(r -> TaskView.of(r, results.get(r.id))).toList())
                .header("X-Total-Count", total);
        if (rows.size() == size) {
            TaskRecord last = rows.get(rows.size() - 1);
            String next = new Cursor(last.createdAt.toString(), last.id.toString()).encode();
            response.header("X-Next-Cursor", next).header("Link", "</api/tasks?cursor=" + next + "&limit=" + size + ">; rel=\"next\"");
        }
        return response.build();
    }

    private TaskRequest readRequest(String body) throws com.fasterxml.jackson.core.JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest(List.of(new Problem.FieldError("body", "a JSON object is required")));
        }
        return json.readValue(body, TaskRequest.class);
    }

    private static Response answer(TaskService.Submitted submitted) {
        return Response.status(submitted.status()).entity(submitted.task()).location(URI.create(location(submitted.task()))).build();
    }

    private static String location(TaskView task) {
        return "/api/tasks/" + task.taskId();
    }

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new Problem.FieldError(field, "unknown value '" + value + "'")));
        }
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(List.of(new Problem.FieldError(field, "must be an ISO-8601 instant like 2026-01-31T00:00:00Z")));
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new Problem.FieldError("cursor", "is not a cursor this API gave out")));
        }
    }
}
