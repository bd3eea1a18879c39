package io.univinsight.taskapi.rest;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.univinsight.taskapi.error.ApiError;
import io.univinsight.taskapi.error.BodyTooLarge;
import io.univinsight.taskapi.error.Busy;
import io.univinsight.taskapi.error.Conflict;
import io.univinsight.taskapi.error.FieldError;
import io.univinsight.taskapi.error.IdempotencyKeyReused;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.error.NotFound;
import io.univinsight.taskapi.error.TooManyTasks;
import io.univinsight.taskapi.error.Unavailable;
import io.univinsight.taskapi.error.UnreadableBody;
import io.univinsight.taskapi.error.UnsupportedMediaType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every error leaves as application/problem+json; nothing unexpected leaks as a bare 500. The one
 * place where the API's errors ({@link ApiError}) get their HTTP status and title.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Status and title per error type; a subtype answers as its closest listed supertype. */
    private static final Map<Class<? extends ApiError>, Kind> KINDS = Map.ofEntries(
            Map.entry(InvalidRequest.class, new Kind(400, "Invalid request")),
            Map.entry(UnreadableBody.class, new Kind(400, "Bad request")),
            Map.entry(NotFound.class, new Kind(404, "Not found")),
            Map.entry(Conflict.class, new Kind(409, "Conflict")),
            Map.entry(BodyTooLarge.class, new Kind(413, "Payload too large")),
            Map.entry(TooManyTasks.class, new Kind(413, "Too many tasks")),
            Map.entry(UnsupportedMediaType.class, new Kind(415, "Unsupported media type")),
            Map.entry(IdempotencyKeyReused.class, new Kind(422, "Idempotency-Key reused")),
            Map.entry(Busy.class, new Kind(429, "Too many requests")),
            Map.entry(Unavailable.class, new Kind(503, "Service unavailable")));

    private record Kind(int status, String title) {
    }

    @ServerExceptionMapper
    public Response problem(ApiError e, UriInfo uri) {
        Problem problem = problem(e, uri.getPath());
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (e.retryAfterSeconds() != null) {
            builder.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return builder.build();
    }

    /** The problem an error answers with (also what an Idempotency-Key replays). */
    public static Problem problem(ApiError e, String instance) {
        Kind kind = kindOf(e);
        return new Problem("about:blank", kind.title(), kind.status(), e.getMessage(), instance, e.errors());
    }

    private static Kind kindOf(ApiError e) {
        for (Class<?> type = e.getClass(); type != ApiError.class; type = type.getSuperclass()) {
            Kind kind = KINDS.get(type);
            if (kind != null) {
                return kind;
            }
        }
        throw new IllegalStateException("no problem status for " + e.getClass().getName());
    }

    /** Jackson's messages name Java types (`io.univinsight...TaskRequest`, `java.lang.Integer`): a client needs none of them. */
    static String withoutJavaNames(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("`(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)`", "$1")
                .replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)\\b", "$1")
                .replace("TaskRequest", "task").replace("Integer", "whole number").replace("`int`", "whole number");
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof MismatchedInputException m && !m.getPath().isEmpty()
                ? m.getPath().get(m.getPath().size() - 1).getFieldName() : "body";
        String detail = withoutJavaNames(e.getOriginalMessage());
        return build(400, "Malformed request body", "the body is not valid JSON of the expected shape: " + detail, uri,
                List.of(new FieldError(field == null ? "body" : field, detail))).build();
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

    static Response.ResponseBuilder build(int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem body = new Problem("about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body);
    }
}
