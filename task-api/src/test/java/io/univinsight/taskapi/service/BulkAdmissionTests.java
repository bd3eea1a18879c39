package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.univinsight.taskapi.config.ApiAccessConfig;
import io.univinsight.taskapi.error.Busy;

class BulkAdmissionTests {

    @Test
    void aBulkRequestPastTheConcurrencyWaitsThenGetsA429AndATurnComesBackOnClose() {
        BulkAdmission admission = new BulkAdmission(config(2, Duration.ofMillis(50)));
        BulkAdmission.Turn first = admission.enter();
        BulkAdmission.Turn second = admission.enter();

        long start = System.nanoTime();
        Busy refused = assertThrows(Busy.class, admission::enter);
        assertEquals(1, refused.retryAfterSeconds(), "Retry-After");
        assertEquals(true, (System.nanoTime() - start) >= Duration.ofMillis(50).toNanos(), "it waited for a turn first");

        first.close();
        admission.enter().close(); // the freed turn is taken and given back
        second.close();
        try (BulkAdmission.Turn a = admission.enter(); BulkAdmission.Turn b = admission.enter()) {
            assertThrows(Busy.class, admission::enter, "still two turns, no more");
        }
    }

    private static ApiAccessConfig config(int concurrency, Duration maxWait) {
        return new ApiAccessConfig() {
            public Optional<List<String>> keys() {
                return Optional.empty();
            }

            public boolean open() {
                return true;
            }

            public RateLimit rateLimit() {
                return null;
            }

            public long maxBodyBytes() {
                return 8 << 20;
            }

            public long maxTaskBodyBytes() {
                return 64 << 10;
            }

            public Bulk bulk() {
                return new Bulk() {
                    public int concurrency() {
                        return concurrency;
                    }

                    public Duration maxWait() {
                        return maxWait;
                    }
                };
            }
        };
    }
}
