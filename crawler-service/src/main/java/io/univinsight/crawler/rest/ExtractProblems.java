package io.univinsight.crawler.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.univinsight.crawler.fetch.FetchFailure;
import jakarta.ws.rs.core.Response;

/** RFC 7807 answers for the dry-run endpoint: bad input 400, a page that cannot be fetched 422 (permanent) or 502. */
public class ExtractProblems {

    @ServerExceptionMapper
    public Response badInput(IllegalArgumentException e) {
        return problem(400, "Invalid request", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        return problem(400, "Malformed request body", e.getOriginalMessage(), null);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response wrongShape(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response fetchFailed(FetchFailure f) {
        return problem(f.isTransient() ? 502 : 422, "The page could not be fetched", f.getMessage(), f.reason());
    }

    private static Response problem(int status, String title, String detail, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (reason != null) {
            body.put("reason", reason);
        }
        return Response.status(status).type("application/problem+json").entity(body).build();
    }
}
