package io.univinsight.taskapi.service;

/** The body of POST /api/tasks; priority, maxDepth and maxPages are optional. */
public record TaskRequest(String url, String universityName, String department, String priority,
                          Integer maxDepth, Integer maxPages) {
}
