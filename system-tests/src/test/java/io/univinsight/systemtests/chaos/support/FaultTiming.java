package io.univinsight.systemtests.chaos.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a fault is injected: mid-load, as the scenarios require; and the pauses around it. */
public final class FaultTiming {
    private FaultTiming() {
    }

    /**
     * A fault "mid-load": injected once the load reached its target share of finished tasks, and
     * while at least half of it (or what atMost leaves) was still to do, so the fault meets work in flight and queued.
     */
    public static void assertMidLoad(long finishedAtFault, int target, int total, String fault) {
        assertMidLoad(finishedAtFault, target, total / 2, total, fault);
    }

    public static void assertMidLoad(long finishedAtFault, int target, int atMost, int total, String fault) {
        assertTrue(finishedAtFault >= target && finishedAtFault <= atMost,
                fault + " mid-load: " + finishedAtFault + "/" + total + " finished then, expected " + target + " to " + atMost);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
