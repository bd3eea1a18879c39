package io.univinsight.taskapi.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.univinsight.taskapi.error.FieldError;

/** An RFC 7807 problem body; errors name each bad field and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
