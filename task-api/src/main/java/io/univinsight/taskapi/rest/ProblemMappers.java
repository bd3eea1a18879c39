package io.univinsight.taskapi.rest;

import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Every error leaves as application/problem+json; nothing unexpected leaks as a bare 500. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = build(e.status(), e.title(), e.getMessage(), uri, e.errors());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? m.getPath().get(m.getPath().size() - 1).getFieldName() : "body";
        return build(400, "Malformed request body", "the body is not valid JSON of the expected shape: " + e.getOriginalMessage(), uri,
                List.of(new Problem.FieldError(field == null ? "body" : field, e.getOriginalMessage()))).build();
    }

    /** Quarkus maps this one itself with an empty body; ours names the field. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json, uri);
        }
        return build(status, Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase(),
                e.getMessage(), uri, null).build();
    }

    @ServerExceptionMapper
    public Response unsupported(jakarta.ws.rs.NotSupportedException e, UriInfo uri) {
        return build(415, "Unsupported media type", "this endpoint does not accept that Content-Type", uri, null).build();
    }

    @ServerExceptionMapper
    public Response notFound(jakarta.ws.rs.NotFoundException e, UriInfo uri) {
        return build(404, "Not found", "no such resource", uri, null).build();
    }

    @ServerExceptionMapper
    public Response notAllowed(jakarta.ws.rs.NotAllowedException e, UriInfo uri) {
        return build(405, "Method not allowed", e.getMessage(), uri, null).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return build(500, "Internal error", "an unexpected error occurred; it has been logged", uri, null).build();
    }

    static Response.ResponseBuilder build(int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
