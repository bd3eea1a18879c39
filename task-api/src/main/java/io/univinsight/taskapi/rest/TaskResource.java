package io.univinsight.taskapi.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.univinsight.taskapi.domain.ResultRecord;
import io.univinsight.taskapi.domain.TaskRecord;
import io.univinsight.taskapi.service.ReadQueries;
import io.univinsight.taskapi.service.TaskRequest;
import io.univinsight.taskapi.service.TaskService;
import io.univinsight.taskapi.service.TaskView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/tasks")
@Tag(name = "tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private static final int MAX_LIMIT = 500;

    @Inject
    TaskService tasks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a crawl task", description = "202 once the task is durably on its priority topic; 503 when the queue is down.")
    public Response submit(TaskRequest request) {
        TaskView view = tasks.submit(request);
        return Response.accepted(view).location(URI.create("/api/tasks/" + view.taskId())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task's status, timestamps, attempts and result counts")
    public TaskView get(@PathParam("id") String id) {
        return tasks.find(id).orElseThrow(() -> ProblemException.notFound("no task " + id));
    }

    @GET
    @Operation(summary = "List tasks, newest first, optionally by status and university")
    public Response list(@QueryParam("status") String status, @QueryParam("university") String university,
                         @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status.toUpperCase(java.util.Locale.ROOT));
        }
        if (university != null) {
            where.append(" and universityName = :university");
            params.and("university", university);
        }
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        long total = ReadQueries.run(() -> TaskRecord.count(where.toString(), params));
        List<TaskRecord> rows = ReadQueries.run(() -> TaskRecord.<TaskRecord>find(where.toString(), Sort.descending("createdAt"), params)
                .page(Page.ofSize(size)).list());
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        java.util.Map<UUID, ResultRecord> results = ids.isEmpty() ? java.util.Map.of()
                : ReadQueries.run(() -> ResultRecord.<ResultRecord>list("taskId in ?1", ids)).stream()
                        .collect(java.util.stream.Collectors.toMap(r -> r.taskId, r -> r, (a, b) -> a));
        List<TaskView> views = rows.stream().map(r -> TaskView.of(r, results.get(r.id))).toList();
        return Response.ok(views).header("X-Total-Count", total).build();
    }
}
