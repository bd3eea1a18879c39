package io.univinsight.taskapi.service;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * A bounded set of token buckets (Bucket4j) keyed by caller. A bucket nobody touched for as long as
 * it takes to refill completely is dropped: it would be full by then, exactly like the new one that
 * takes its place, so forgetting it changes nobody's limit. Past {@code maxCallers} Caffeine evicts
 * single buckets, those it judges least likely to be used again (a spent bucket that keeps being hit
 * is among the most used); it never forgets every caller at once, which would hand each limited
 * caller a full bucket.
 */
final class TokenBuckets {
    /**
     * Callers remembered at once (about 450 bytes each: 90 MB at most). Only reached by that many
     * distinct callers within one refill time.
     */
    static final long MAX_CALLERS = 200_000;

    private final long capacity;
    private final long refillTokens;
    private final Duration refillPeriod;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    /**
     * @param refillTokens tokens given back every {@code refillPeriod}, spread evenly over it
     * @param clock nanoseconds, read by both the buckets and the idle timer (a test moves it by hand)
     */
    TokenBuckets(long capacity, long refillTokens, Duration refillPeriod, long maxCallers, TimeMeter clock) {
        if (capacity < 1 || refillTokens < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException("a token bucket needs a capacity and a refill of at least one token");
        }
        this.capacity = capacity;
        this.refillTokens = refillTokens;
        this.refillPeriod = refillPeriod;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxCallers)
                .expireAfterAccess(timeToRefillCompletely())
                .ticker(clock::currentTimeNanos)
                .executor(Runnable::run) // evictions on the calling thread: no pool to hand work to, and tests see them at once
                .build();
    }

    TokenBuckets(long capacity, long refillTokens, Duration refillPeriod) {
        this(capacity, refillTokens, refillPeriod, MAX_CALLERS, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Takes a token: 0 when there was one, else the whole seconds (at least 1) until one is back. */
    long tryAcquire(String caller) {
        ConsumptionProbe probe = buckets.get(caller, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : wholeSeconds(probe.getNanosToWaitForRefill());
    }

    /**
     * Takes nothing: 0 when the caller has a token (a caller without a bucket has a full one, and
     * none is made for it), else the whole seconds until one is back.
     */
    long secondsUntilAvailable(String caller) {
        Bucket bucket = buckets.getIfPresent(caller);
        if (bucket == null) {
            return 0;
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? 0 : wholeSeconds(probe.getNanosToWaitForRefill());
    }

    /** How long a spent bucket takes to be full again: the idle time after which it is dropped. */
    Duration timeToRefillCompletely() {
        long nanos = Math.multiplyExact(refillPeriod.toNanos(), capacity);
        return Duration.ofNanos(nanos / refillTokens + (nanos % refillTokens == 0 ? 0 : 1));
    }

    /** Buckets held now (expired and evicted ones cleaned up first). */
    long callers() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refillTokens, refillPeriod).build())
                .withCustomTimePrecision(clock)
                .build();
    }

    /** Retry-After is whole seconds and never 0: a wait of a fraction of a second is answered as one. */
    private static long wholeSeconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999));
    }
}
