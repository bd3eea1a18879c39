package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.univinsight.taskapi.error.Busy;

class BulkAdmissionTests {

    @Test
    void aBulkRequestPastTheConcurrencyWaitsThenGetsA429AndATurnComesBackOnClose() {
        BulkAdmission admission = new BulkAdmission(TestConfigs.access(500, 250, 2, Duration.ofMillis(50)));
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
}
