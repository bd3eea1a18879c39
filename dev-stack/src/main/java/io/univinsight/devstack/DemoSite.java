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
 * Static files only; a folder path serves its index.html.
 */
public final class DemoSite implements AutoCloseable {
    public static final String READY_MARKER = "UNIV-READY demo-site";
    private static final String ROOT = "demo-site";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "txt", "text/plain; charset=utf-8",
            "json", "application/json",
            "css", "text/css; charset=utf-8",
            "pdf", "application/pdf");

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
            send(exchange, 200, TYPES.getOrDefault(ext, "application/octet-stream"), body);
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
