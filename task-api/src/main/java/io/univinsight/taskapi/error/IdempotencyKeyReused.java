package io.univinsight.taskapi.error;

/** An Idempotency-Key sent again with a different request. */
public class IdempotencyKeyReused extends ApiError {

    public IdempotencyKeyReused(String detail) {
        super(detail, null, null);
    }
}
