package io.univinsight.crawler.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A site served by the test itself on a loopback address: fixed pages per path, a request log
 * (path and arrival time) and the most requests it ever had in progress at once.
 */
public final class FixtureServer implements AutoCloseable {
    /** One logged request. */
    public record Hit(String path, long nanos) {
    }

    /** Answers one request; may block (slow or hanging servers). */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxInProgress = new AtomicInteger();

    private FixtureServer(String address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 128);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fixture");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves on 127.0.0.1 (the test allow-list) or another loopback address such as 127.0.0.2 (the stand-in internal host). */
    public static FixtureServer on(String address) {
        try {
            return new FixtureServer(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public FixtureServer route(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    public FixtureServer html(String path, String html) {
        return route(path, ex -> send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    public FixtureServer text(String path, String type, String body) {
        return route(path, ex -> send(ex, 200, type, body.getBytes(StandardCharsets.UTF_8)));
    }

    private final java.util.concurrent.atomic.AtomicLong okResponses = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong notModifiedResponses = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong bodyBytes = new java.util.concurrent.atomic.AtomicLong();

    /**
     * An HTML page with an ETag (hash of its current body) and a fixed Last-Modified that answers
     * a matching If-None-Match (or, without one, a matching If-Modified-Since) with 304; the body
     * is asked again on every request, so a test may change it. Counts 200s, 304s and body bytes.
     */
    public FixtureServer conditionalHtml(String path, java.util.function.Supplier<String> html) {
        return route(path, ex -> {
            byte[] body = html.get().getBytes(StandardCharsets.UTF_8);
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "-" + body.length + "\"";
            String lastModified = "Mon, 05 Jan 2026 00:00:00 GMT";
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", lastModified);
            String ifNoneMatch = ex.getRequestHeaders().getFirst("If-None-Match");
            if (etag.equals(ifNoneMatch) || (ifNoneMatch == null && lastModified.equals(ex.getRequestHeaders().getFirst("If-Modified-Since")))) {
                notModifiedResponses.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                return;
            }
            okResponses.incrementAndGet();
            bodyBytes.addAndGet(body.length);
            send(ex, 200, "text/html; charset=utf-8", body);
        });
    }

    /** 200s, 304s and body bytes served by the conditional pages so far. */
    public long okResponses() {
        return okResponses.get();
    }

    public long notModifiedResponses() {
        return notModifiedResponses.get();
    }

    public long bodyBytes() {
        return bodyBytes.get();
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    public long hitsOn(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).count();
    }

    public int maxInProgress() {
        return maxInProgress.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (exchange.getRequestURI().getRawQuery() != null) {
            path += "?" + exchange.getRequestURI().getRawQuery();
        }
        hits.add(new Hit(path, System.nanoTime()));
        maxInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
        try (exchange) {
            Handler handler = routes.get(path);
            if (handler == null) {
                send(exchange, 404, "text/html", "<html><body>not found</body></html>".getBytes(StandardCharsets.UTF_8));
            } else {
                handler.handle(exchange);
            }
        } finally {
            inProgress.decrementAndGet();
        }
    }

    public static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    public static void sendGzip(HttpExchange exchange, String type, byte[] body) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(body);
        }
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        send(exchange, 200, type, zipped.toByteArray());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
