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

    @Test
    void anExhaustedCallerStaysLimitedWhileManyOtherCallersArrive() {
        // One token a second: after the flood below, "a" may have a token back per second it took, never its whole bucket.
        RateLimiter limiter = new RateLimiter(TestConfigs.access(100, 1, 2, Duration.ofSeconds(1)));
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("a");
        }
        assertTrue(limiter.tryAcquire("a") > 0, "a spent its bucket");
        long start = System.nanoTime();

        for (int i = 0; i <= 100_000; i++) {
            limiter.tryAcquire("rotating-address-" + i); // what an attacker rotating addresses sends
        }

        long secondsTaken = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        int granted = 0;
        for (int i = 0; i < 100; i++) {
            if (limiter.tryAcquire("a") == 0) {
                granted++;
            }
        }
        assertTrue(granted <= secondsTaken + 1, "a got " + granted + " requests after " + secondsTaken
                + " s of other callers: its bucket was reset, not refilled");
    }
}
