package io.univinsight.taskapi.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.univinsight.taskapi.error.FieldError;
import io.univinsight.taskapi.service.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Refuses query parameters the database cannot compare (NUL, unpaired surrogates) with a 400
 * problem naming them, before any query runs: PostgreSQL would refuse them with an error that
 * reads like an outage.
 */
public class QueryTextFilter {

    @ServerRequestFilter
    public Response check(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : param.getValue()) {
                String problem = StorableText.problem(value);
                if (problem != null) {
                    errors.add(new FieldError(param.getKey(), problem));
                    break;
                }
            }
        }
        return errors.isEmpty() ? null
                : ProblemMappers.build(400, "Invalid request", "query parameters the database cannot compare", request.getUriInfo(), errors).build();
    }
}
