package io.univinsight.taskapi.rest;

import java.util.List;
import java.util.Map;

/** Thrown anywhere in a request to answer with an RFC 7807 problem. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.headers = headers;
    }

    public static ProblemException badRequest(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "Invalid request", detail, errors, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null, Map.of());
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "Service unavailable", detail, null, Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
