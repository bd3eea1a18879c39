package io.univinsight.systemtests.chaos.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import io.univinsight.devstack.StackSettings;
import io.univinsight.testsupport.LoadSite;

/**
 * Scenario 10's abuse of one task-api, step by step: each step sends one kind of hostile request
 * and tallies every answer; the submits it accepted are kept for the checks in PostgreSQL.
 */
public final class ApiAbuse {
    private final FaultHttp api;
    private final StackSettings settings;
    private final String key;
    private final String floodKey;
    private final LoadSite site;
    /** Load-site people handed out so far (each task its own page), shared with the scenario's other tasks. */
    private final AtomicInteger nextPerson;
    private final AbuseTally tally = new AbuseTally();
    /** Accepted task id -> the university name it was sent with ("?": not known). */
    private final Map<String, String> acceptedUniversity = new LinkedHashMap<>();
    /** Accepted task id -> the load site's person (on host person % 4) it crawls. */
    private final Map<String, Integer> personOfTask = new LinkedHashMap<>();
    /** Refusals by the HTTP codec or the connection, not by the API. */
    private final List<String> protocolLevel = new ArrayList<>();

    public ApiAbuse(FaultHttp api, StackSettings settings, String key, String floodKey, LoadSite site, AtomicInteger nextPerson) {
        this.api = api;
        this.settings = settings;
        this.key = key;
        this.floodKey = floodKey;
        this.site = site;
        this.nextPerson = nextPerson;
    }

    public AbuseTally tally() {
        return tally;
    }

    public Map<String, String> acceptedUniversity() {
        return acceptedUniversity;
    }

    public Map<String, Integer> personOfTask() {
        return personOfTask;
    }

    public List<String> protocolLevel() {
        return protocolLevel;
    }

    /** Access: no key, a wrong key (a key with CRLF goes raw, below). */
    public void wrongKeysAreRefused() {
        FaultHttp anonymous = new FaultHttp(settings.apiUrl(), null);
        assertEquals(401, tally.check("no key", anonymous.get("/api/tasks")).status());
        assertEquals(401, tally.check("wrong key", new FaultHttp(settings.apiUrl(), "' OR 1=1 --").get("/api/tasks")).status());
    }

    /**
     * The outside review's findings (issue 18), sent again: each must now be refused with the given
     * 4xx problem, and no refusal may name a Java type.
     */
    public void outsideReviewProbes() {
        String task = "/api/tasks/" + UUID.randomUUID();
        byte[] form = "x=1".getBytes(StandardCharsets.UTF_8);
        expect(415, "cross-origin form POST retry", api.post(task + "/retry", "application/x-www-form-urlencoded", form));
        expect(415, "text/plain POST cancel", api.post(task + "/cancel", "text/plain", form));
        String valid = "{\"url\":\"" + site.url(0, 0) + "\",\"universityName\":\"Review University\"";
        expect(400, "trailing content after the JSON object", api.post("/api/tasks", "application/json", bytes(valid + "} trailing")));
        expect(400, "1.5 for a whole number", api.post("/api/tasks", "application/json", bytes(valid + ",\"maxDepth\":1.5}")));
        expect(400, "priority with a control character", api.post("/api/tasks", "application/json", bytes(valid + ",\"priority\":\"high\\u0007\"}")));
        expect(400, "limit out of range", api.get("/api/tasks?limit=99999999999"));
        expect(400, "yearFrom out of range", api.get("/api/papers?yearFrom=99999999999"));
        expect(400, "unreadable limit", api.get("/api/professors?limit=abc"));
        FaultHttp.Answer dashboard = new FaultHttp(settings.monitorUrl(), null).get("/");
        assertEquals(200, dashboard.status());
        for (String header : List.of("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options")) {
            assertTrue(dashboard.header(header) != null, "the dashboard is served with " + header);
        }
    }

    private void expect(int status, String what, FaultHttp.Answer a) {
        tally.check(what, a);
        assertEquals(status, a.status(), what + ": " + a.body());
        assertTrue(a.isProblem(), what + " answers an RFC 7807 problem: " + a.body());
        assertFalse(a.body().matches("(?s).*\\b(io\\.univinsight|java|jakarta|com\\.fasterxml)\\.[a-z]+\\.[A-Za-z].*"),
                what + " names a Java type: " + a.body());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Query parameters of every list/read endpoint, each hostile string (plus raw percent sequences). */
    public void hostileQueryParameters(List<String> strings) {
        for (Map.Entry<String, List<String>> e : HostileInput.queryParameters().entrySet()) {
            for (String param : e.getValue()) {
                List<String> values = new ArrayList<>();
                strings.forEach(s -> values.add(URLEncoder.encode(s, StandardCharsets.UTF_8)));
                values.addAll(HostileInput.RAW_VALUES);
                for (String v : values) {
                    String path = e.getKey() + "?" + param + "=" + v;
                    FaultHttp.Answer a = getRawOrClient(path);
                    tally.check("GET " + path, a);
                    if (e.getKey().endsWith("/export") && a.status() == 200) {
                        assertFalse(a.body().contains("X-Injected"), "an export reflected an injected header: " + path);
                    }
                }
            }
        }
    }

    /** Path parameters: each hostile string, and each raw value, as a task or professor id. */
    public void hostilePathParameters(List<String> strings) {
        for (String s : strings) {
            String seg = URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
            tally.check("GET task " + s, getRawOrClient("/api/tasks/" + seg));
            tally.check("POST cancel " + s, api.post("/api/tasks/" + seg + "/cancel", null, new byte[0]));
            tally.check("POST retry " + s, api.post("/api/tasks/" + seg + "/retry", null, new byte[0]));
            tally.check("GET professor " + s, getRawOrClient("/api/professors/" + seg));
        }
        for (String raw : HostileInput.RAW_VALUES) {
            tally.check("GET task raw " + raw, getRawOrClient("/api/tasks/" + raw));
            tally.check("GET professor raw " + raw, getRawOrClient("/api/professors/" + raw));
        }
    }

    /** Every field of a submit, each hostile string; accepted ones must be stored as exactly that text. */
    public void hostileSubmitFields(List<String> strings) {
        List<String> fields = List.of("url", "universityName", "department", "priority", "maxDepth", "maxPages");
        for (String field : fields) {
            for (String s : strings) {
                int person = nextPerson.getAndIncrement();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("url", site.url(person % 4, person));
                body.put("universityName", "Abuse University");
                body.put("department", "Dept");
                body.put("priority", "low");
                body.put("maxDepth", 0);
                body.put("maxPages", 1);
                body.put(field, field.equals("url") ? site.url(person % 4, person) + "?" + s : s);
                FaultHttp.Answer a = tally.check("POST /api/tasks " + field + "=" + AbuseTally.abbreviate(s), api.postJson("/api/tasks", body));
                if (a.status() == 202) {
                    acceptedUniversity.put(a.json().path("taskId").asText(), String.valueOf(body.get("universityName")).strip());
                    personOfTask.put(a.json().path("taskId").asText(), person);
                }
            }
        }
    }

    /** Idempotency-Key values (the legal ones through the client; CRLF raw below). */
    public void hostileIdempotencyKeys(List<String> strings) {
        for (String s : strings) {
            String key = s.replaceAll("[\\p{Cntrl}]", "").replaceAll("[^\\x20-\\x7E]", "?");
            if (key.isEmpty()) {
                continue;
            }
            int person = nextPerson.getAndIncrement();
            HttpRequest r = api.request("/api/tasks").header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + site.url(person % 4, person)
                            + "\",\"universityName\":\"Abuse University\",\"maxDepth\":0,\"maxPages\":1}")).build();
            FaultHttp.Answer a = tally.check("POST Idempotency-Key " + AbuseTally.abbreviate(key), api.send(r));
            if (a.status() == 202) {
                acceptedUniversity.put(a.json().path("taskId").asText(), "Abuse University");
                personOfTask.put(a.json().path("taskId").asText(), person);
            }
        }
    }

    public void malformedBodies() {
        for (HostileInput.Body b : HostileInput.malformedBodies()) {
            String what = "POST " + b.path() + " (" + b.contentType() + ") " + AbuseTally.abbreviate(b.text());
            FaultHttp.Answer a = tally.check(what, api.post(b.path(), b.contentType(), b.text().getBytes(StandardCharsets.UTF_8)));
            if (a.status() == 202) {
                a.json().path("tasks").forEach(t -> acceptedUniversity.put(t.path("taskId").asText(), "?"));
                if (a.json().has("taskId")) {
                    acceptedUniversity.put(a.json().path("taskId").asText(), "?");
                }
            }
        }
    }

    /** Over the size limits: a declared 17 MB body, and 17 MB chunked without a length; a 9 MB single task. */
    public void oversizedBodies() {
        byte[] big = new byte[17 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '[';
        big[big.length - 1] = ']';
        tally.check("POST 17 MB bulk with length", api.post("/api/tasks/bulk", "application/json", big));
        // Without a length it is read up to the 8 MB limit, then the connection is closed mid-upload (task-api
        // stops taking in a refused body); a client that reads while it sends may see the 413 first.
        FaultHttp.Answer chunked = api.send(api.request("/api/tasks/bulk").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build());
        if (chunked.status() == 0) {
            protocolLevel.add("17 MB chunked: connection closed at the limit (" + AbuseTally.abbreviate(chunked.body()) + ")");
        } else {
            tally.check("POST 17 MB bulk chunked", chunked);
        }
        tally.check("POST 9 MB task with length", api.post("/api/tasks", "application/json", java.util.Arrays.copyOf(big, 9 << 20)));
    }

    /**
     * A burst of large chunked bodies at once, single and bulk (30 MB each, 16 in flight) against a
     * 256 MB heap: each is cut at its limit (413, or the connection closed mid-upload), none is held whole.
     */
    public void burstOfLargeChunkedBodies() throws Exception {
        byte[] thirty = new byte[30 << 20];
        java.util.Arrays.fill(thirty, (byte) 'x');
        List<CompletableFuture<Void>> burst = new ArrayList<>();
        AtomicInteger burstCut = new AtomicInteger();
        for (int i = 0; i < 16; i++) {
            String path = i % 2 == 0 ? "/api/tasks" : "/api/tasks/bulk";
            HttpRequest r = api.request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(thirty))).build();
            burst.add(api.client().sendAsync(r, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
                if (err != null) {
                    burstCut.incrementAndGet(); // closed while still sending
                } else {
                    tally.check("POST 30 MB chunked " + path + " (burst)", new FaultHttp.Answer(resp.statusCode(),
                            resp.headers().firstValue("Content-Type").orElse(null), resp.headers().map(), resp.body()));
                }
                return null;
            }));
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get();
        if (burstCut.get() > 0) {
            protocolLevel.add("30 MB chunked burst: " + burstCut.get() + " of 16 cut by closing the connection");
        }
    }

    /** Header injection and raw bytes, written on a socket (java.net.http refuses to send them). */
    public void rawSocketRequests() {
        int port = settings.apiPort();
        for (String r : HostileInput.rawRequests(key)) {
            FaultHttp.Answer a = FaultHttp.raw("127.0.0.1", port, r.getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(a.header("X-Injected") == null && a.header("Set-Cookie") == null, "a header was injected: " + a.headers());
            if (a.status() >= 400 && a.status() < 500 && !a.isProblem() && (a.body().isEmpty() || a.contentType() == null)) {
                // refused by the HTTP codec before any application code: not the API's to shape
                protocolLevel.add(a.status() + " " + AbuseTally.abbreviate(r.split("\r\n")[0]));
                tally.countOnly(a.status());
            } else if (a.status() != 0) {
                tally.check("raw " + AbuseTally.abbreviate(r), a);
            }
        }
    }

    /** What the flood past the rate limit did: how many requests, in how long, and how many 429s lacked Retry-After. */
    public record Flood(int requests, double seconds, int retryAfterMissing) {
    }

    /** A flood past the rate limit with a key of its own: 429s with Retry-After, never a 5xx. */
    public Flood floodPastTheRateLimit(int flood) throws Exception {
        FaultHttp floodApi = new FaultHttp(settings.apiUrl(), floodKey);
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        AtomicInteger retryAfterMissing = new AtomicInteger();
        Instant floodStart = Instant.now();
        for (int i = 0; i < flood; i++) {
            inFlight.acquire();
            HttpRequest r = floodApi.request("/api/tasks/" + UUID.randomUUID()).GET().build();
            all.add(floodApi.client().sendAsync(r, HttpResponse.BodyHandlers.ofString()).handle((resp, err) -> {
                inFlight.release();
                if (err != null) {
                    tally.serverErrors.add("flood: " + err);
                    return null;
                }
                FaultHttp.Answer a = new FaultHttp.Answer(resp.statusCode(), resp.headers().firstValue("Content-Type").orElse(null),
                        resp.headers().map(), resp.body());
                tally.check("flood GET /api/tasks/{random}", a);
                if (a.status() == 429 && a.header("Retry-After") == null) {
                    retryAfterMissing.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
        double floodSeconds = Duration.between(floodStart, Instant.now()).toMillis() / 1000.0;
        return new Flood(flood, floodSeconds, retryAfterMissing.get());
    }

    /** A GET through the client, or on a raw socket when the target is not a legal URI for java.net.URI. */
    private FaultHttp.Answer getRawOrClient(String pathAndQuery) {
        try {
            java.net.URI.create(settings.apiUrl() + pathAndQuery);
            return api.get(pathAndQuery);
        } catch (IllegalArgumentException e) {
            String r = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + key + "\r\nConnection: close\r\n\r\n";
            return FaultHttp.raw("127.0.0.1", settings.apiPort(), r.getBytes(StandardCharsets.ISO_8859_1));
        }
    }
}
