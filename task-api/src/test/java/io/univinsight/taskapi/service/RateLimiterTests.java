package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimiterTests {

    @Test
    void aCallerMayBurstUpToTheCapacityThenWaitsWholeSeconds() {
        RateLimiter limiter = new RateLimiter(TestConfigs.access(3, 1, 2, Duration.ofSeconds(1)));

        assertEquals(0, limiter.tryAcquire("key-a"));
        assertEquals(0, limiter.tryAcquire("key-a"));
        assertEquals(0, limiter.tryAcquire("key-a"));

        assertEquals(1, limiter.tryAcquire("key-a"), "one token a second: the next is at most a second away, rounded up");
    }

    @Test
    void eachCallerHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(TestConfigs.access(1, 1, 2, Duration.ofSeconds(1)));

        assertEquals(0, limiter.tryAcquire("key-a"));
        assertTrue(limiter.tryAcquire("key-a") > 0, "key-a spent its token");
        assertEquals(0, limiter.tryAcquire("key-b"), "key-b still has its own");
    }

    @Test
    void aWaitOfAFractionOfASecondIsAnsweredAsOneSecond() {
        RateLimiter limiter = new RateLimiter(TestConfigs.access(1, 4, 2, Duration.ofSeconds(1)));
        limiter.tryAcquire("key-a");

        assertEquals(1, limiter.tryAcquire("key-a"), "Retry-After is whole seconds, never 0");
    }

    @Test
    void tokensComeBackWithTime() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(TestConfigs.access(1, 100, 2, Duration.ofSeconds(1)));
        assertEquals(0, limiter.tryAcquire("key-a"));

        Thread.sleep(50); // 100 tokens a second: one is back after 10 ms

        assertEquals(0, limiter.tryAcquire("key-a"));
    }
}
