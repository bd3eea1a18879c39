package io.univinsight.taskapi.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.univinsight.taskapi.error.ApiError;
import io.univinsight.taskapi.error.UnsupportedMediaType;
import io.univinsight.taskapi.query.ListingFilters;
import io.univinsight.taskapi.service.BulkAdmission;
import io.univinsight.taskapi.service.BulkParser;
import io.univinsight.taskapi.service.IdempotencyStore.StoredAnswer;
import io.univinsight.taskapi.service.IdempotentSubmit;
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
    private static final String SUBMIT_EXAMPLE = "{\"url\":\"https://www.cs.example.edu/people/faculty\",\"universityName\":\"Example University\","
            + "\"department\":\"Computer Science\",\"priority\":\"high\",\"maxDepth\":2,\"maxPages\":100}";

    @Inject
    TaskService tasks;
    @Inject
    IdempotentSubmit idempotentSubmit;
    @Inject
    ObjectMapper json;
    @Inject
    io.univinsight.taskapi.config.ApiAccessConfig access;
    @Inject
    BulkAdmission bulkAdmission;
    @Inject
    RequestCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a crawl task",
            description = "202 once the task is durably on its priority topic; 200 with the existing task when the URL is already PENDING or RUNNING "
                    + "(unless force=true); 503 with Retry-After when the queue is down. An Idempotency-Key makes a retried submit return the first answer; "
                    + "each API key has its own Idempotency-Keys.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "task", value = SUBMIT_EXAMPLE)))
    public Response submit(InputStream stream, @Context HttpServerRequest http, @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @QueryParam("force") @DefaultValue("false") boolean force) throws Exception {
        String body = BodyReader.read(stream, access.maxTaskBodyBytes(), http);
        if (idempotencyKey == null) {
            return answer(tasks.submit(TaskRequest.fromJson(body, json), force));
        }
        IdempotentSubmit.Outcome outcome = idempotentSubmit.submit(caller.scope(), idempotencyKey, body, force, this::keptProblem);
        if (!outcome.isReplay()) {
            return answer(outcome.submitted());
        }
        StoredAnswer stored = outcome.replayed();
        Response.ResponseBuilder replay = Response.status(stored.status()).type(MediaType.APPLICATION_JSON)
                .entity(stored.body()).header("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            replay.location(URI.create(stored.location()));
        }
        return replay.build();
    }

    /** The problem a refused keyed submit answered with, kept for its retries. */
    private StoredAnswer keptProblem(ApiError error) throws JsonProcessingException {
        Problem problem = ProblemMappers.problem(error, "/api/tasks");
        return new StoredAnswer(problem.status(), json.writeValueAsString(problem), null);
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
        return Response.status(202).entity(outcome).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task's status, priority, timestamps, attempts, last error and result counts")
    public TaskView get(@PathParam("id") String id) {
        return tasks.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a PENDING task: the crawler skips it and it ends CANCELLED (409 for a started or finished task)")
    public Response cancel(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType) {
        refuseForeignBody(contentType);
        return Response.accepted(tasks.cancel(id)).build();
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Submit a FAILED task again, as a new task with the same parameters (409 unless FAILED)")
    public Response retry(@PathParam("id") String id, @HeaderParam("Content-Type") String contentType) {
        refuseForeignBody(contentType);
        TaskView again = tasks.retry(id);
        return Response.accepted(again).location(URI.create(again.location())).header("X-Retry-Of", id).build();
    }

    @GET
    @Operation(summary = "List tasks, newest first: filters status, university, priority, createdFrom/createdTo (ISO-8601); cursor pagination; X-Total-Count")
    public Response list(@QueryParam("status") String status, @QueryParam("university") String university,
                         @QueryParam("priority") String priority, @QueryParam("createdFrom") String createdFrom,
                         @QueryParam("createdTo") String createdTo, @QueryParam("cursor") String cursor,
                         @QueryParam("limit") String limit) {
        return Pages.ok(tasks.list(ListingFilters.tasks(status, university, priority, createdFrom, createdTo), cursor,
                QueryNumbers.limit(limit)), "/api/tasks");
    }

    /** Cancel and retry take no body: none, or JSON. A form or text/plain POST (a browser's cross-origin request) is refused. */
    private static void refuseForeignBody(String contentType) {
        if (contentType != null && !contentType.isBlank() && !contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new UnsupportedMediaType("this endpoint takes no body (or application/json), not " + contentType.strip());
        }
    }

    private static Response answer(TaskService.Submitted submitted) {
        return Response.status(submitted.status()).entity(submitted.task()).location(URI.create(submitted.task().location())).build();
    }
}
