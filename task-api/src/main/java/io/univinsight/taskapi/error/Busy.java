package io.univinsight.taskapi.error;

/** Too many requests at once from this caller or of this kind; retrying later works. */
public class Busy extends ApiError {

    public Busy(String detail, int retryAfterSeconds) {
        super(detail, null, retryAfterSeconds);
    }
}
