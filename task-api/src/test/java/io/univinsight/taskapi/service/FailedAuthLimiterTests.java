package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;
import io.univinsight.taskapi.config.ApiAccessConfig;

class FailedAuthLimiterTests {
    private final ManualClock clock = new ManualClock();
    private final FailedAuthLimiter limiter = new FailedAuthLimiter(TestConfigs.failedAuth(3, Duration.ofSeconds(6)), clock);

    @Test
    void anAddressIsRefusedOnceItsFailuresAreSpent() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.secondsRefused("127.0.0.2"), "failure " + i + " is within the budget");
            assertEquals(0, limiter.failed("127.0.0.2"));
        }

        assertEquals(6, limiter.secondsRefused("127.0.0.2"), "refused until one failure is forgiven");
        assertEquals(6, limiter.failed("127.0.0.2"), "a failure past the budget (one running at the same time) is refused too");
    }

    @Test
    void lookingCountsNoFailure() {
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.secondsRefused("127.0.0.2"), "requests with a right key take nothing from the budget");
        }
        assertEquals(0, limiter.failed("127.0.0.2"));
    }

    @Test
    void eachAddressHasItsOwnBudget() {
        for (int i = 0; i < 3; i++) {
            limiter.failed("127.0.0.2");
        }

        assertEquals(0, limiter.secondsRefused("127.0.0.1"));
        assertEquals(0, limiter.failed("127.0.0.1"));
    }

    @Test
    void oneFailureIsForgivenPerInterval() {
        for (int i = 0; i < 3; i++) {
            limiter.failed("127.0.0.2");
        }

        clock.advance(Duration.ofSeconds(4));
        assertEquals(2, limiter.secondsRefused("127.0.0.2"), "Retry-After counts down to the next forgiven failure");
        clock.advance(Duration.ofSeconds(2));
        assertEquals(0, limiter.secondsRefused("127.0.0.2"));
        assertEquals(0, limiter.failed("127.0.0.2"));
        assertEquals(6, limiter.secondsRefused("127.0.0.2"), "one more try, not a new budget");
    }

    @Test
    void byDefaultTwentyFailuresAreAllowedAndOneIsForgivenEverySixSeconds() throws NoSuchMethodException {
        assertEquals("20", ApiAccessConfig.RateLimit.class.getMethod("failedAuthCapacity").getAnnotation(WithDefault.class).value());
        assertEquals("6s", ApiAccessConfig.RateLimit.class.getMethod("failedAuthRefillInterval").getAnnotation(WithDefault.class).value());
    }
}
