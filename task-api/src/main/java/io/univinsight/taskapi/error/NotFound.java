package io.univinsight.taskapi.error;

/** No such task, professor or other resource. */
public class NotFound extends ApiError {

    public NotFound(String detail) {
        super(detail, null, null);
    }
}
