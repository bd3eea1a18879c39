package io.univinsight.taskapi.service;

import java.time.Duration;

import io.univinsight.taskapi.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A token bucket per caller (an API key, or in open mode a client address). */
@ApplicationScoped
public class RateLimiter {
    private final TokenBuckets buckets;

    @Inject
    public RateLimiter(ApiAccessConfig config) {
        ApiAccessConfig.RateLimit limit = config.rateLimit();
        buckets = new TokenBuckets(limit.capacity(), limit.refillPerSecond(), Duration.ofSeconds(1));
    }

    /** 0 when the request may go on, else the seconds to wait before a token is back. */
    public long tryAcquire(String caller) {
        return buckets.tryAcquire(caller);
    }
}
