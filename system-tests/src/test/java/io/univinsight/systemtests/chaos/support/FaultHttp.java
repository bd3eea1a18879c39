package io.univinsight.systemtests.chaos.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.events.EventJson;

/**
 * A plain HTTP client for the input-fault scenarios: requests with an API key, answers kept whole
 * (status, headers, body), and a raw-socket request for what java.net.http refuses to send.
 */
public final class FaultHttp {
    /** One answer. */
    public record Answer(int status, String contentType, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return EventJson.mapper().readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** An RFC 7807 problem: application/problem+json with the status and a title. */
        public boolean isProblem() {
            if (contentType == null || !contentType.toLowerCase().startsWith("application/problem+json")) {
                return false;
            }
            JsonNode n = json();
            return n != null && n.path("status").asInt() == status && !n.path("title").asText().isBlank();
        }
    }

    private final String base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public FaultHttp(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public HttpClient client() {
        return http;
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return b;
    }

    public Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    public Answer post(String pathAndQuery, String contentType, byte[] body) {
        HttpRequest.Builder b = request(pathAndQuery).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    /** Non-ASCII escaped as \\uXXXX, so lone surrogates and NUL travel as JSON escapes. */
    private static final com.fasterxml.jackson.databind.ObjectMapper ESCAPING = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    public Answer postJson(String path, Object body) {
        try {
            return post(path, "application/json", ESCAPING.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends; a 429 is waited out (Retry-After) and sent again, up to 5 times, so abuse checks reach the resources. */
    public Answer send(HttpRequest request) {
        for (int attempt = 0;; attempt++) {
            Answer a = sendOnce(request);
            if (a.status() != 429 || attempt >= 5) {
                return a;
            }
            sleep(1000L * Math.max(1, parseInt(a.header("Retry-After"), 1)));
        }
    }

    public Answer sendOnce(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.headers().map(),
                    new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // no HTTP answer at all (the connection was closed): status 0, the error as the body
            return new Answer(0, null, Map.of(), "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request written byte for byte on a socket (header injection, raw bytes in the target,
     * bodies without a length); returns the status and body of the answer.
     */
    public static Answer raw(String host, int port, byte[] request) {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            try {
                s.shutdownOutput();
            } catch (IOException ignored) {
                // already closed by the server
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            try {
                while ((n = in.read(buf)) > 0) {
                    all.write(buf, 0, n);
                }
            } catch (IOException e) {
                // a reset after the answer is fine
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
                return new Answer(0, null, Map.of(), text);
            }
            String[] lines = text.substring(0, headEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].substring(9, 12));
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                            .add(lines[i].substring(colon + 1).strip());
                }
            }
            String body = text.substring(headEnd + 4);
            if ("chunked".equalsIgnoreCase(headers.getOrDefault("Transfer-Encoding", List.of("")).get(0))) {
                body = unchunk(body);
            }
            List<String> type = headers.get("Content-Type");
            return new Answer(status, type == null || type.isEmpty() ? null : type.get(0), headers, body);
        } catch (IOException e) {
            return new Answer(0, null, Map.of(), "connection failed: " + e);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).split(";")[0].strip(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            i = eol + 2 + size + 2;
        }
        return out.toString();
    }

    public static int parseInt(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
