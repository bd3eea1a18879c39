package io.univinsight.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the bundled demo university (classpath folder demo-site/) on 127.0.0.1.
 * Static files only; a folder path serves its index.html. Every page has an ETag (a hash of its
 * bytes) and a Last-Modified (when this server started: the files cannot change while it runs),
 * and a matching If-None-Match, or else If-Modified-Since, gets a 304, so a recrawl shows cache hits.
 */
public final class DemoSite implements AutoCloseable {
    public static final String READY_MARKER = "UNIV-READY demo-site";
    private static final String ROOT = "demo-site";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "json", "application/json",
            "css", "text/css; charset=utf-8",
            "js", "application/javascript", // the Chemistry directory's script
            "png", "image/png", // the Mathematics page's email images
            "pdf", "application/pdf");

    private static final String STARTED = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
            .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0));

    private final HttpServer server;

    private DemoSite(HttpServer server) {
        this.server = server;
    }

    public static DemoSite start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", DemoSite::serve);
        server.start();
        return new DemoSite(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.contains("..") || path.contains("//")) {
                send(exchange, 400, "text/plain", "bad path".getBytes());
                return;
            }
            if (path.endsWith("/")) {
                path += "index.html";
            }
            byte[] body;
            try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(ROOT + path)) {
                body = in == null ? null : in.readAllBytes();
            }
            if (body == null) {
                send(exchange, 404, "text/html; charset=utf-8", "<html><body><h1>Not found</h1></body></html>".getBytes());
                return;
            }
            String ext = path.substring(path.lastIndexOf('.') + 1);
            String etag = etagOf(body);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", STARTED);
            if (notModified(exchange, etag)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
        }
    }

    /** RFC 9110 13.2.2: If-None-Match decides when present; else If-Modified-Since not before Last-Modified. */
    static boolean notModified(HttpExchange exchange, String etag) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String c = candidate.strip();
                if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            java.time.ZonedDateTime since = java.time.ZonedDateTime.parse(ifModifiedSince.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
            java.time.ZonedDateTime modified = java.time.ZonedDateTime.parse(STARTED, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
            return !since.isBefore(modified);
        } catch (java.time.format.DateTimeParseException e) {
            return false; // an unreadable date is ignored, as the RFC asks
        }
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + java.util.HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
