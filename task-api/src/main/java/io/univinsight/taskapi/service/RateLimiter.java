package io.univinsight.taskapi.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.univinsight.taskapi.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A token bucket (Bucket4j) per caller. */
@ApplicationScoped
public class RateLimiter {
    private static final int MAX_CALLERS = 100_000;

    private final ApiAccessConfig config;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(ApiAccessConfig config) {
        this.config = config;
    }

    /** 0 when the request may go on, else the seconds to wait before a token is back. */
    public long tryAcquire(String caller) {
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear(); // many distinct callers (addresses): forget them rather than grow without bound
        }
        Bucket bucket = buckets.computeIfAbsent(caller, k -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
    }

    private Bucket newBucket() {
        ApiAccessConfig.RateLimit limit = config.rateLimit();
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refillPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
