package io.univinsight.taskapi.error;

/** A bulk request with more tasks than one request may hold. */
public class TooManyTasks extends ApiError {

    public TooManyTasks(String detail) {
        super(detail, null, null);
    }
}
