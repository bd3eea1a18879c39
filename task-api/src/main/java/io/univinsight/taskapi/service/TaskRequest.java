package io.univinsight.taskapi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.univinsight.taskapi.error.InvalidRequest;

/**
 * The body of POST /api/tasks; priority, maxDepth, maxPages, recrawlEvery and render are optional.
 * recrawlEvery ("7d", "12h", "P7D") also schedules this start URL to be crawled again at that interval.
 * render (auto, always, never; default auto) says whether pages go through a headless browser.
 */
public record TaskRequest(String url, String universityName, String department, String priority,
                          Integer maxDepth, Integer maxPages, String recrawlEvery, String render) {

    /** A request with the default render mode. */
    public TaskRequest(String url, String universityName, String department, String priority, Integer maxDepth, Integer maxPages,
                       String recrawlEvery) {
        this(url, universityName, department, priority, maxDepth, maxPages, recrawlEvery, null);
    }

    /** A request without a recrawl schedule. */
    public TaskRequest(String url, String universityName, String department, String priority, Integer maxDepth, Integer maxPages) {
        this(url, universityName, department, priority, maxDepth, maxPages, null);
    }

    /** Reads a submit body; an empty one is a 400, a malformed one a JsonProcessingException (also a 400). */
    public static TaskRequest fromJson(String body, ObjectMapper json) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            throw InvalidRequest.of("body", "a JSON object is required");
        }
        return json.readValue(body, TaskRequest.class);
    }
}
