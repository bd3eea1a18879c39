package io.univinsight.taskapi.error;

import java.util.List;

/** A request that cannot be answered as asked; the message is the detail shown to the client. */
public abstract class ApiError extends RuntimeException {
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    protected ApiError(String detail, List<FieldError> errors, Integer retryAfterSeconds) {
        super(detail);
        this.errors = errors;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The invalid fields, or null when the error is not about fields. */
    public List<FieldError> errors() {
        return errors;
    }

    /** When a retry may succeed, or null when it will not by waiting. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
