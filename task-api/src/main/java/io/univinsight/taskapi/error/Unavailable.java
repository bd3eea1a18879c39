package io.univinsight.taskapi.error;

/** A dependency (the task queue, the database) is down; retrying later works. */
public class Unavailable extends ApiError {

    public Unavailable(String detail, int retryAfterSeconds) {
        super(detail, null, retryAfterSeconds);
    }
}
