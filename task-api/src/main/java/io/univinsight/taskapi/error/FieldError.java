package io.univinsight.taskapi.error;

/** One invalid field (or bulk line) and why. */
public record FieldError(String field, String reason) {
}
