package io.univinsight.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.events.EventJson;

/** A small client of task-api for the launcher's submit and demo commands. */
public final class ApiClient {
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Submits one task; returns the response body (taskId, status, ...). */
    public JsonNode submit(String url, String university, String department, String priority, Integer maxDepth, Integer maxPages) {
        return submit(url, university, department, priority, maxDepth, maxPages, null);
    }

    /** The same with a render mode (auto, always, never; null: the API's default, auto). */
    public JsonNode submit(String url, String university, String department, String priority, Integer maxDepth, Integer maxPages,
                           String render) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("universityName", university);
        if (department != null) {
            body.put("department", department);
        }
        if (priority != null) {
            body.put("priority", priority);
        }
        if (maxDepth != null) {
            body.put("maxDepth", maxDepth);
        }
        if (maxPages != null) {
            body.put("maxPages", maxPages);
        }
        if (render != null) {
            body.put("render", render);
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tasks"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(body)))
                    .build();
            return read(request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot submit to " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    /** Submits many tasks in one request (JSON array; each map is one task body); returns the bulk outcome. */
    public JsonNode submitBulk(List<Map<String, Object>> tasks) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/tasks/bulk"))
                    .timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(tasks)))
                    .build();
            return read(request);
        } catch (IOException e) {
            throw new IllegalStateException("cannot submit to " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    public JsonNode task(String taskId) {
        return get("/api/tasks/" + taskId);
    }

    public JsonNode get(String pathAndQuery) {
        return read(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonNode read(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? null : EventJson.mapper().readTree(response.body());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                        + (body == null ? "" : ": " + body.toString()));
            }
            return body;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
