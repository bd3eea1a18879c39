package io.univinsight.systemtests.chaos.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.univinsight.events.EventJson;

/** One POST /api/tasks with an Idempotency-Key, answered or not, the way a client retrying on 503 sends it. */
public final class TaskSubmit {
    private TaskSubmit() {
    }

    /** One POST /api/tasks answer: the HTTP status and the task id when accepted (-1: no answer). */
    public record Answer(int status, String taskId, String detail) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends one submit; -1 when no answer came. */
    public static Answer submitOne(String apiUrl, Map<String, Object> body, String idempotencyKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/api/tasks")).timeout(Duration.ofSeconds(40))
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EventJson.mapper().writeValueAsBytes(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String id = null;
            if (response.statusCode() == 202 || response.statusCode() == 200) {
                id = EventJson.mapper().readTree(response.body()).path("taskId").asText(null);
            }
            return new Answer(response.statusCode(), id, response.statusCode() >= 300 ? response.body() : null);
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted");
        }
    }
}
