package io.univinsight.taskapi.error;

/** A request body the client stopped sending or that could not be read. */
public class UnreadableBody extends ApiError {

    public UnreadableBody(String detail) {
        super(detail, null, null);
    }
}
