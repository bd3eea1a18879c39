package io.univinsight.taskapi.rest;

import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.StartupEvent;
import io.univinsight.taskapi.config.ApiAccessConfig;
import io.univinsight.taskapi.service.ApiKeys;
import io.univinsight.taskapi.service.FailedAuthLimiter;
import io.univinsight.taskapi.service.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Guards /api: a valid key unless open mode is on (401 otherwise), then the caller's token
 * bucket (429 with Retry-After when empty). While keys are required, a client address that spent
 * its failed-authentication budget gets a 429 before its key is even looked at. Health, metrics and
 * OpenAPI stay open.
 */
@ApplicationScoped
public class ApiAccessFilter {
    private static final Logger LOG = Logger.getLogger(ApiAccessFilter.class);

    @Inject
    ApiAccessConfig config;
    @Inject
    RateLimiter limiter;
    @Inject
    FailedAuthLimiter failedAuth;
    @Inject
    RequestCaller requestCaller;

    private ApiKeys keys;

    void announce(@Observes StartupEvent startup) {
        keys = ApiKeys.of(config.keys().orElse(List.of())); // refuses to start with the shipped placeholders
        if (config.open()) {
            LOG.warn("**********************************************************************");
            LOG.warn("* task-api runs in OPEN MODE: /api needs no key. For local use only. *");
            LOG.warn("**********************************************************************");
        } else if (keys.size() == 0) {
            LOG.error("no API keys configured (API_KEYS) and open mode is off (API_OPEN): every /api request will be refused with 401");
        } else {
            LOG.infof("task-api requires an API key (%d configured)", keys.size());
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api")) {
            return null;
        }
        String caller;
        if (config.open()) {
            caller = clientAddress(http);
            requestCaller.identify(RequestCaller.OPEN);
        } else {
            String address = clientAddress(http);
            // Before the key is checked: a refused guesser gets this 429 for a right key too, so it learns nothing.
            long refusedSeconds = failedAuth.secondsRefused(address);
            if (refusedSeconds > 0) {
                return tooManyFailures(refusedSeconds);
            }
            caller = presentedKey(request);
            if (caller == null || !keys.accepts(caller)) {
                long budgetSpentSeconds = failedAuth.failed(address);
                if (budgetSpentSeconds > 0) {
                    return tooManyFailures(budgetSpentSeconds); // failures at the same time spent the budget first
                }
                return problem(401, "Unauthorized", caller == null ? "an API key is required (X-API-Key or Authorization: Bearer)"
                        : "the API key is not valid", Map.of("WWW-Authenticate", "Bearer"));
            }
            requestCaller.identify(ApiKeys.fingerprint(caller));
        }
        long waitSeconds = limiter.tryAcquire(caller);
        if (waitSeconds > 0) {
            return problem(429, "Too many requests", "rate limit exceeded; retry after " + waitSeconds + " s",
                    Map.of("Retry-After", String.valueOf(waitSeconds)));
        }
        return null;
    }

    /**
     * The peer of the connection, never X-Forwarded-For or Forwarded: a client chooses those headers
     * freely, and would pick a fresh address for each guess.
     */
    private static String clientAddress(HttpServerRequest http) {
        SocketAddress peer = http.connection() == null ? null : http.connection().remoteAddress();
        return peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
    }

    private static Response tooManyFailures(long waitSeconds) {
        return problem(429, "Too many requests", "too many requests without a valid API key from this address; retry after "
                + waitSeconds + " s", Map.of("Retry-After", String.valueOf(waitSeconds)));
    }

    private static String presentedKey(ContainerRequestContext request) {
        String key = request.getHeaderString("X-API-Key");
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String auth = request.getHeaderString("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).strip();
        }
        return null;
    }

    private static Response problem(int status, String title, String detail, Map<String, String> headers) {
        Response.ResponseBuilder builder = ProblemMappers.build(status, title, detail, null, null);
        headers.forEach(builder::header);
        return builder.build();
    }
}
