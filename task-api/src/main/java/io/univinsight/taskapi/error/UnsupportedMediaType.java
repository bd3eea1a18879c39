package io.univinsight.taskapi.error;

import java.util.List;

/**
 * A body of a type the endpoint does not take. State-changing endpoints without a body (cancel,
 * retry) take none but JSON, so a browser's cross-origin form or text/plain POST cannot call them.
 */
public class UnsupportedMediaType extends ApiError {
    public UnsupportedMediaType(String detail) {
        super(detail, List.of(), null);
    }
}
