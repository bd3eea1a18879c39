package io.univinsight.taskapi.error;

import java.util.List;

/** Fields (or bulk lines) that break the API's rules; every one is named. */
public class InvalidRequest extends ApiError {

    public InvalidRequest(List<FieldError> errors) {
        this(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason() : errors.size() + " fields are invalid", errors);
    }

    public InvalidRequest(String detail, List<FieldError> errors) {
        super(detail, errors, null);
    }

    /** One invalid field. */
    public static InvalidRequest of(String field, String reason) {
        return new InvalidRequest(List.of(new FieldError(field, reason)));
    }
}
