package io.univinsight.taskapi.error;

/** The request contradicts the current state (a started task cancelled, a key still in use). */
public class Conflict extends ApiError {

    public Conflict(String detail) {
        super(detail, null, null);
    }

    /** A conflict that ends by itself: the client may retry after the given seconds. */
    public Conflict(String detail, int retryAfterSeconds) {
        super(detail, null, retryAfterSeconds);
    }
}
