package io.univinsight.taskapi.service;

import java.time.Duration;

import io.univinsight.taskapi.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A token bucket per caller (an API key, or in open mode a client address). */
@ApplicationScoped
public class RateLimiter {
    /**
     * Callers remembered at once (about 450 bytes each: 90 MB at most). Only reached by that many
     * distinct callers within one refill time; past it single buckets are evicted, never all.
     */
    static final long MAX_CALLERS = 200_000;

    private final TokenBuckets buckets;

    @Inject
    public RateLimiter(ApiAccessConfig config) {
        ApiAccessConfig.RateLimit limit = config.rateLimit();
        buckets = new TokenBuckets(limit.capacity(), limit.refillPerSecond(), Duration.ofSeconds(1), MAX_CALLERS);
    }

    /** 0 when the request may go on, else the seconds to wait before a token is back. */
    public long tryAcquire(String caller) {
        return buckets.tryAcquire(caller);
    }
}
