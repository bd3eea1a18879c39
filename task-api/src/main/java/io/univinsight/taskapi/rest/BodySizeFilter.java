package io.univinsight.taskapi.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.univinsight.taskapi.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a declared body above the limit with a 413 problem before it is read: api.max-task-body-bytes
 * for a single submit, api.max-body-bytes for the rest. A body sent without a length is counted while
 * it is read (BodyReader).
 */
@ApplicationScoped
public class BodySizeFilter {
    @Inject
    ApiAccessConfig config;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        long length = request.getLength();
        long limit = isSingleSubmit(request) ? config.maxTaskBodyBytes() : config.maxBodyBytes();
        if (length > limit) {
            return ProblemMappers.build(413, "Payload too large", "the body has " + length + " bytes; at most "
                    + limit + " are accepted", null, null).build();
        }
        return null;
    }

    private static boolean isSingleSubmit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "POST".equals(request.getMethod()) && ("/api/tasks".equals(path) || "/api/tasks/".equals(path));
    }
}
