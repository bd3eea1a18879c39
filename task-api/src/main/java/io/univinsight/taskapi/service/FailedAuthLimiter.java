package io.univinsight.taskapi.service;

import io.github.bucket4j.TimeMeter;
import io.univinsight.taskapi.config.ApiAccessConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Failed authentications per client address: each wrong key (or missing one) takes a token from the
 * address's bucket, and an address whose bucket is empty is refused before its key is checked. So
 * keys are guessed no faster than the refill from one address, and a refused guesser cannot tell a
 * right key from a wrong one (both are a 429).
 */
@ApplicationScoped
public class FailedAuthLimiter {
    private final TokenBuckets failures;

    @Inject
    public FailedAuthLimiter(ApiAccessConfig config) {
        this(config, TimeMeter.SYSTEM_NANOTIME);
    }

    FailedAuthLimiter(ApiAccessConfig config, TimeMeter clock) {
        ApiAccessConfig.RateLimit limit = config.rateLimit();
        failures = new TokenBuckets(limit.failedAuthCapacity(), 1, limit.failedAuthRefillInterval(), TokenBuckets.MAX_CALLERS, clock);
    }

    /** 0 while the address may present a key, else the seconds until it may again. Counts nothing. */
    public long secondsRefused(String address) {
        return failures.secondsUntilAvailable(address);
    }

    /**
     * Counts a failed authentication: 0 when it was within the address's budget (answer 401), else
     * the seconds to wait (answer 429: failures running at the same time spent the budget first).
     */
    public long failed(String address) {
        return failures.tryAcquire(address);
    }
}
