package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.univinsight.taskapi.error.FieldError;

class TaskRequestValidatorTests {
    private static final String URL = "https://www.cs.example.edu/people";

    @Test
    void aCompleteRequestIsValid() {
        assertTrue(TaskRequestValidator.validate(new TaskRequest(URL, "Example University", "Physics", "high", 5, 1000)).isEmpty());
    }

    @Test
    void onlyUrlAndUniversityAreRequired() {
        assertTrue(TaskRequestValidator.validate(new TaskRequest(URL, "Example University", null, null, null, null)).isEmpty());
    }

    @Test
    void noBodyIsOneError() {
        assertEquals(List.of(new FieldError("body", "a JSON object is required")), TaskRequestValidator.validate(null));
    }

    @Test
    void everyViolationIsReportedNotJustTheFirst() {
        List<FieldError> errors = TaskRequestValidator.validate(new TaskRequest(null, " ", "d".repeat(201), "urgent", 6, 0));

        assertEquals(List.of("url", "universityName", "department", "priority", "maxDepth", "maxPages"),
                errors.stream().map(FieldError::field).toList());
        assertEquals("is required", errors.get(0).reason());
        assertEquals("must be between 0 and 5", errors.get(4).reason());
        assertEquals("must be between 1 and 1000", errors.get(5).reason());
    }

    @Test
    void aRecrawlIntervalMustBeOneHourToOneYear() {
        assertTrue(TaskRequestValidator.validate(new TaskRequest(URL, "Example University", null, null, null, null, "7d")).isEmpty());
        List<FieldError> errors = TaskRequestValidator.validate(new TaskRequest(URL, "Example University", null, null, null, null, "30m"));
        assertEquals(List.of("recrawlEvery"), errors.stream().map(FieldError::field).toList());
    }

    @Test
    void theLimitsAreInclusive() {
        assertTrue(TaskRequestValidator.validate(new TaskRequest(URL, "u".repeat(100), "d".repeat(200), "low", 0, 1)).isEmpty());
        assertEquals(List.of(new FieldError("universityName", "must be at most 100 characters")),
                TaskRequestValidator.validate(new TaskRequest(URL, "u".repeat(101), null, null, null, null)));
    }

    @Test
    void theUrlMustBeAbsoluteHttpWithAHostAndNoCredentials() {
        assertEquals("must be an absolute http or https URL", urlError("ftp://example.edu/people"));
        assertEquals("must be an absolute http or https URL", urlError("/people"));
        assertEquals("must name a host", urlError("http:///people"));
        assertEquals("must not carry credentials", urlError("https://user:secret@example.edu/"));
        assertTrue(urlError("https://example.edu/a b").startsWith("is not a valid URL: "));
    }

    @Test
    void aUrlOverTheMaximumLengthIsRefusedBeforeItIsParsed() {
        String longUrl = "https://example.edu/" + "p".repeat(TaskRequestValidator.MAX_URL_LENGTH);

        assertEquals("must be at most " + TaskRequestValidator.MAX_URL_LENGTH + " characters", urlError(longUrl));
    }

    @Test
    void textPostgresqlCannotStoreIsRefused() {
        List<FieldError> errors = TaskRequestValidator.validate(new TaskRequest(URL, "Example\u0000University", null, null, null, null));

        assertEquals(1, errors.size());
        assertEquals("universityName", errors.get(0).field());
    }

    @Test
    void surroundingSpaceIsNotCountedInTheUrl() {
        assertTrue(TaskRequestValidator.validate(new TaskRequest("  " + URL + "  ", "Example University", null, null, null, null)).isEmpty());
    }

    private static String urlError(String url) {
        List<FieldError> errors = TaskRequestValidator.validate(new TaskRequest(url, "Example University", null, null, null, null));
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("url", errors.get(0).field());
        return errors.get(0).reason();
    }
}
