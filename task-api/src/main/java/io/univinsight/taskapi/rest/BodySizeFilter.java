package io.univinsight.taskapi.rest;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.univinsight.taskapi.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Refuses a declared body above the limit with a 413 problem before it is read. Bodies sent
 * without a length are cut by the HTTP layer's own limit (quarkus.http.limits.max-body-size).
 */
@ApplicationScoped
public class BodySizeFilter {
    @Inject
    ApiAccessConfig config;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        long length = request.getLength();
        if (length > config.maxBodyBytes()) {
            return ProblemMappers.build(413, "Payload too large", "the body has " + length + " bytes; at most "
                    + config.maxBodyBytes() + " are accepted", null, null).build();
        }
        return null;
    }
}
