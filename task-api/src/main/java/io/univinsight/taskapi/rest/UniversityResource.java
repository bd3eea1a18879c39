package io.univinsight.taskapi.rest;

import java.io.InputStream;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.univinsight.taskapi.config.ApiAccessConfig;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.error.UnsupportedMediaType;
import io.univinsight.taskapi.service.UniversityRecrawls;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/universities/{name}")
@Tag(name = "universities")
@Produces(MediaType.APPLICATION_JSON)
public class UniversityResource {
    @Inject
    UniversityRecrawls recrawls;
    @Inject
    ObjectMapper json;
    @Inject
    ApiAccessConfig access;

    @PUT
    @Path("/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recrawl every start URL of the university at an interval",
            description = "every: whole hours or days (\"12h\", \"7d\") or ISO-8601 (\"P7D\"), 1h to 365d; priority defaults to normal. "
                    + "The first recrawl is one interval from now. A start URL submitted with its own recrawlEvery keeps its own schedule. "
                    + "404 when the university has no start URL.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "weekly",
            value = "{\"every\":\"7d\",\"priority\":\"normal\"}")))
    public UniversityRecrawls.ScheduleView schedule(@PathParam("name") String name, InputStream stream, @Context HttpServerRequest http)
            throws Exception {
        String body = BodyReader.read(stream, access.maxTaskBodyBytes(), http);
        if (body == null || body.isBlank()) {
            throw InvalidRequest.of("body", "a JSON object with \"every\" (e.g. \"7d\") is required");
        }
        return recrawls.schedule(name, json.readValue(body, UniversityRecrawls.ScheduleRequest.class));
    }

    @GET
    @Path("/schedule")
    @Operation(summary = "The university's recrawl schedule and its start URLs' own, each with its next due time (404 when none)")
    public UniversityRecrawls.ScheduleView schedule(@PathParam("name") String name) {
        return recrawls.schedule(name);
    }

    @DELETE
    @Path("/schedule")
    @Operation(summary = "Stop recrawling the university: removes its schedule and its start URLs' (404 when none)")
    public Response unschedule(@PathParam("name") String name) {
        recrawls.unschedule(name);
        return Response.noContent().build();
    }

    @POST
    @Path("/recrawl")
    @Operation(summary = "Recrawl every start URL of the university now",
            description = "One task per distinct start URL of its stored tasks, with the latest task's depth, pages, department and priority; "
                    + "a URL with a task still active answers that task (unless force=true). 202 with the tasks; 404 when it has no start URL.")
    public Response recrawl(@PathParam("name") String name, @QueryParam("force") @DefaultValue("false") boolean force,
                            @HeaderParam("Content-Type") String contentType) {
        // No body: a form or text/plain POST (a browser's cross-origin request) is refused, like cancel and retry.
        if (contentType != null && !contentType.isBlank()
                && !contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)) {
            throw new UnsupportedMediaType("this endpoint takes no body (or application/json), not " + contentType.strip());
        }
        return Response.accepted(recrawls.recrawlNow(name, force)).build();
    }
}
