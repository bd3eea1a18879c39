package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class TokenBucketsTests {
    private final ManualClock clock = new ManualClock();

    @Test
    void aSpentCallerKeepsItsBucketWhileAllCallersFitTheBound() {
        TokenBuckets buckets = new TokenBuckets(2, 1, Duration.ofSeconds(1), 10_000, clock);
        buckets.tryAcquire("a");
        buckets.tryAcquire("a");

        for (int i = 0; i < 9_999; i++) {
            buckets.tryAcquire("rotating-address-" + i);
        }

        assertEquals(1, buckets.secondsUntilAvailable("a"), "a's bucket is still the spent one");
        assertEquals(1, buckets.tryAcquire("a"));
        assertEquals(10_000, buckets.callers());
    }

    @Test
    void theStoreHoldsAtMostTheMaximumOfCallers() {
        TokenBuckets buckets = new TokenBuckets(5, 1, Duration.ofSeconds(1), 1_000, clock);

        for (int i = 0; i < 5_000; i++) {
            buckets.tryAcquire("caller-" + i);
        }

        assertTrue(buckets.callers() <= 1_000, "held: " + buckets.callers());
    }

    @Test
    void anIdleBucketIsDroppedOnlyOnceItWouldBeFullAgain() {
        TokenBuckets buckets = new TokenBuckets(3, 1, Duration.ofSeconds(2), 10, clock);
        buckets.tryAcquire("a");
        buckets.tryAcquire("a");
        buckets.tryAcquire("a");

        clock.advance(Duration.ofSeconds(6).minusNanos(1));
        assertEquals(1, buckets.callers(), "not yet full: kept");
        clock.advance(Duration.ofNanos(1));
        assertEquals(0, buckets.callers(), "full again: dropped");

        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.tryAcquire("a"), "a new bucket is as full as the dropped one would be");
        }
    }

    @Test
    void theIdleTimeIsTheTimeToRefillCompletely() {
        assertEquals(Duration.ofSeconds(2), new TokenBuckets(500, 250, Duration.ofSeconds(1)).timeToRefillCompletely());
        assertEquals(Duration.ofMinutes(2), new TokenBuckets(20, 1, Duration.ofSeconds(6)).timeToRefillCompletely());
        assertEquals(Duration.ofMillis(1500), new TokenBuckets(3, 2, Duration.ofSeconds(1)).timeToRefillCompletely());
        assertEquals(Duration.ofNanos(333_333_334), new TokenBuckets(1, 3, Duration.ofSeconds(1)).timeToRefillCompletely(),
                "rounded up: never dropped before it is full");
    }

    @Test
    void lookingTakesNoTokenAndKeepsNoBucket() {
        TokenBuckets buckets = new TokenBuckets(1, 1, Duration.ofSeconds(6), 10, clock);

        assertEquals(0, buckets.secondsUntilAvailable("never-seen"));
        assertEquals(0, buckets.callers(), "a caller without a bucket has a full one: none is made for a look");

        assertEquals(0, buckets.tryAcquire("a"));
        assertEquals(6, buckets.secondsUntilAvailable("a"));
        assertEquals(6, buckets.secondsUntilAvailable("a"), "the look took nothing");
        clock.advance(Duration.ofSeconds(6));
        assertEquals(0, buckets.secondsUntilAvailable("a"));
        assertEquals(0, buckets.tryAcquire("a"));
    }
}
