package io.univinsight.taskapi.error;

/** A request body over the API's size limit. */
public class BodyTooLarge extends ApiError {

    public BodyTooLarge(String detail) {
        super(detail, null, null);
    }
}
