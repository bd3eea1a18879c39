package io.univinsight.events;

import java.time.Instant;

/** A crawler worker's periodic sign of life, keyed by worker id on a compacted topic. */
public record WorkerHeartbeat(
        int schemaVersion,
        String workerId,
        long completed,
        long failed,
        long busyMs,
        int inFlight,
        String currentTaskId,
        Instant currentTaskSince,
        Instant at) {

    public static final int SCHEMA_VERSION = 1;
}
