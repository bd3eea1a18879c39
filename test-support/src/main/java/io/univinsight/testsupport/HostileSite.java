package io.univinsight.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Web servers that misbehave on purpose, for the crawler's fault tests: one behaviour per
 * loopback address (127.0.0.200, .201, ...; politeness and partitioning are per host), all on one
 * port, spoken over raw sockets so HTTP itself can be broken. Every behaviour answers
 * /robots.txt (allowing everything) unless the behaviour is about robots.txt or the connection.
 * {@link #url(Behaviour)} is the start page to submit as a task.
 */
public final class HostileSite implements AutoCloseable {
    /** What each address does. */
    public enum Behaviour {
        /** Sends its answer (headers included) one byte per second, forever: robots.txt and every page. */
        TARPIT,
        /** Every page redirects to another page that redirects back (302 forever). */
        REDIRECT_LOOP,
        /** A chunked text/html body that never ends, as fast as the client reads. */
        ENDLESS_BODY,
        /** Content-Encoding: gzip, a few MB on the wire that inflate to 4 GiB of spaces. */
        GZIP_BOMB,
        /** A directory page with 100,000 links to profile pages (each a small valid page). */
        MANY_LINKS,
        /** Unclosed and misnested tags, 20,000 nested divs, NUL and invalid UTF-8 bytes, an unterminated script. */
        BROKEN_HTML,
        /** Declares charset=utf-8 (header and meta) and sends ISO-8859-1 bytes. */
        WRONG_CHARSET,
        /** Declares a charset that does not exist (header and meta). */
        BOGUS_CHARSET,
        /** A 10 MB robots.txt (that ends allowing everything), then a normal profile page. */
        HUGE_ROBOTS,
        /** Headers in one go, then the body one byte per second, forever (robots.txt is normal). */
        SLOW_BODY;

        public String address() {
            return "127.0.0." + (200 + ordinal());
        }
    }

    private static final int GZIP_MEMBER_INFLATED = 64 * 1024 * 1024;
    private static final int GZIP_MEMBERS = 64; // 64 x 64 MiB = 4 GiB inflated

    private final int port;
    private final List<ServerSocket> sockets = new ArrayList<>();
    private final ExecutorService pool;
    private final ConcurrentHashMap<Behaviour, AtomicLong> requests = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Socket, Boolean> open = new ConcurrentHashMap<>();
    private final byte[] gzipMember;
    private final byte[] manyLinksPage;
    private volatile boolean running = true;

    private HostileSite(int port) throws IOException {
        this.port = port;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hostile-site");
            t.setDaemon(true);
            return t;
        });
        this.gzipMember = gzipOfSpaces(GZIP_MEMBER_INFLATED);
        this.manyLinksPage = manyLinks(100_000);
    }

    /** Serves every behaviour on its own address, on one port. */
    public static HostileSite start(int port) throws IOException {
        HostileSite site = new HostileSite(port);
        for (Behaviour b : Behaviour.values()) {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(b.address()), port), 128);
            site.sockets.add(server);
            site.pool.submit(() -> site.acceptLoop(server, b));
        }
        return site;
    }

    /** The start page of a behaviour's host. */
    public String url(Behaviour b) {
        return "http://" + b.address() + ":" + port + "/people/index.html";
    }

    public int port() {
        return port;
    }

    /** Requests each behaviour has received (robots.txt included). */
    public long requests(Behaviour b) {
        AtomicLong n = requests.get(b);
        return n == null ? 0 : n.get();
    }

    /** Connections open right now (a tarpit holds its clients until they give up). */
    public int openConnections() {
        return open.size();
    }

    private void acceptLoop(ServerSocket server, Behaviour b) {
        while (running) {
            try {
                Socket s = server.accept();
                open.put(s, Boolean.TRUE);
                pool.submit(() -> {
                    try (s) {
                        serve(s, b);
                    } catch (IOException | RuntimeException e) {
                        // the client went away: that is how every endless answer ends
                    } finally {
                        open.remove(s);
                    }
                });
            } catch (IOException e) {
                if (!running) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s, Behaviour b) throws IOException {
        s.setSoTimeout(30_000);
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        // One request per connection (Connection: close), which is all a crawler needs.
        String path = readRequestPath(in);
        if (path == null) {
            return;
        }
        requests.computeIfAbsent(b, k -> new AtomicLong()).incrementAndGet();
        boolean robots = path.equals("/robots.txt");
        switch (b) {
            case TARPIT -> trickle(out, ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Tarpit: ").getBytes(StandardCharsets.US_ASCII), true);
            case SLOW_BODY -> {
                if (robots) {
                    allowAll(out);
                } else {
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n<html><body>"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    trickle(out, new byte[0], false);
                }
            }
            case REDIRECT_LOOP -> {
                if (robots) {
                    allowAll(out);
                } else {
                    String next = path.endsWith("/a.html") ? "/people/b.html" : "/people/a.html";
                    head(out, 302, "text/html", 0, "Location: http://" + b.address() + ":" + port + next + "\r\n");
                }
            }
            case ENDLESS_BODY -> {
                if (robots) {
                    allowAll(out);
                } else {
                    endless(out);
                }
            }
            case GZIP_BOMB -> {
                if (robots) {
                    allowAll(out);
                } else {
                    head(out, 200, "text/html; charset=utf-8", (long) gzipMember.length * GZIP_MEMBERS, "Content-Encoding: gzip\r\n");
                    for (int i = 0; i < GZIP_MEMBERS; i++) {
                        out.write(gzipMember);
                    }
                    out.flush();
                }
            }
            case MANY_LINKS -> {
                if (robots) {
                    allowAll(out);
                } else if (path.equals("/people/index.html")) {
                    body(out, "text/html; charset=utf-8", manyLinksPage);
                } else {
                    body(out, "text/html; charset=utf-8", profile(path).getBytes(StandardCharsets.UTF_8));
                }
            }
            case BROKEN_HTML -> {
                if (robots) {
                    allowAll(out);
                } else {
                    body(out, "text/html; charset=utf-8", brokenHtml());
                }
            }
            case WRONG_CHARSET -> {
                if (robots) {
                    allowAll(out);
                } else {
                    String page = profile("/people/wrong-charset.html", "José Müller-Ñúñez", "utf-8");
                    body(out, "text/html; charset=utf-8", page.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            case BOGUS_CHARSET -> {
                if (robots) {
                    allowAll(out);
                } else {
                    String page = profile("/people/bogus-charset.html", "Zoë Bogus", "x-no-such-charset-42");
                    body(out, "text/html; charset=x-no-such-charset-42", page.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
            case HUGE_ROBOTS -> {
                if (robots) {
                    hugeRobots(out);
                } else {
                    body(out, "text/html; charset=utf-8", profile("/people/huge-robots.html").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Reads the request line and headers; returns the path, or null when the client sent nothing usable. */
    private static String readRequestPath(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4 && head.size() < 64 * 1024) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            head.write(c);
            matched = c == end[matched] ? matched + 1 : (c == '\r' ? 1 : 0);
        }
        String first = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
        String[] parts = first.split(" ");
        if (parts.length < 2) {
            return null;
        }
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Writes prefix one byte a second, then 'a' one byte a second, until the client leaves or the site closes. */
    private void trickle(OutputStream out, byte[] prefix, boolean headerBytes) throws IOException {
        long i = 0;
        while (running) {
            out.write(i < prefix.length ? prefix[(int) i] : (headerBytes ? 'a' : ' '));
            out.flush();
            i++;
            sleep(1000);
        }
    }

    private void endless(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("<p>" + "endless ".repeat(1020) + "</p>\n").getBytes(StandardCharsets.US_ASCII);
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = {'\r', '\n'};
        out.write(chunkOf("<html><body>"));
        while (running) {
            out.write(size);
            out.write(chunk);
            out.write(crlf); // never the final 0-size chunk
        }
    }

    private static byte[] chunkOf(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return (Integer.toHexString(b.length) + "\r\n" + s + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void hugeRobots(OutputStream out) throws IOException {
        int target = 10 * 1024 * 1024;
        StringBuilder block = new StringBuilder("User-agent: *\n");
        byte[] line = "Disallow: /nothing-here/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "Allow: /\n".getBytes(StandardCharsets.US_ASCII);
        byte[] headBytes = block.toString().getBytes(StandardCharsets.US_ASCII);
        int lines = (target - headBytes.length - tail.length) / line.length;
        long length = headBytes.length + (long) lines * line.length + tail.length;
        head(out, 200, "text/plain", length, "");
        out.write(headBytes);
        byte[] many = new byte[line.length * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(line, 0, many, i * line.length, line.length);
        }
        int written = 0;
        while (written + 1000 <= lines) {
            out.write(many);
            written += 1000;
        }
        for (; written < lines; written++) {
            out.write(line);
        }
        out.write(tail);
        out.flush();
    }

    private static void allowAll(OutputStream out) throws IOException {
        body(out, "text/plain", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void body(OutputStream out, String type, byte[] bytes) throws IOException {
        head(out, 200, type, bytes.length, "");
        out.write(bytes);
        out.flush();
    }

    private static void head(OutputStream out, int status, String type, long length, String extra) throws IOException {
        String reason = status == 200 ? "OK" : status == 302 ? "Found" : "Status";
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n" + extra + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String profile(String path) {
        String id = path.replaceAll("[^0-9]", "");
        return profile(path, "Hostile Person " + (id.isEmpty() ? "X" : id), "utf-8");
    }

    /** A valid profile page (JSON-LD Person) whose name is given; the email is derived from the path. */
    private static String profile(String path, String name, String metaCharset) {
        String local = path.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String email = local + "@hostile.example.edu";
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="%3$s"><title>%1$s | Hostile University</title>
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"Person","name":"%1$s",
                "jobTitle":"Professor","email":"mailto:%2$s","worksFor":{"@type":"CollegeOrUniversity","name":"Hostile University"}}</script></head>
                <body><main><h1>%1$s</h1><p>Professor</p><p>Email: <a href="mailto:%2$s">%2$s</a></p></main></body></html>
                """.formatted(name, email, metaCharset);
    }

    private static byte[] manyLinks(int n) {
        StringBuilder sb = new StringBuilder(n * 40);
        sb.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Faculty directory</title></head><body><h1>Faculty</h1><ul>\n");
        for (int i = 0; i < n; i++) {
            sb.append("<li><a href=\"/people/").append(i).append(".html\">Professor ").append(i).append("</a></li>\n");
        }
        sb.append("</ul></body></html>\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] brokenHtml() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Charset utf8 = StandardCharsets.UTF_8;
        b.write("<html><head><title>Broken <b>title</head><body><table><tr><td><p><div><span><a href='/people/1.html'>Prof"
                .getBytes(utf8));
        b.write(new byte[] {0, (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        b.write("</td></p></table></i></b><h1>Professor <em>Broken</h1> Html</em><script type=\"application/ld+json\">{\"@type\":\"Person\",\"name\":"
                .getBytes(utf8));
        b.write("</script><a href=\"mailto:broken@hostile.example.edu\">broken@hostile.example.edu<!-- never closed comment <p>"
                .getBytes(utf8));
        b.write("--><div>".repeat(20_000).getBytes(utf8));
        b.write("deep <a href=\"/people/2.html\">Professor Deep</a>".getBytes(utf8));
        b.write("<script>var x = '<html>".getBytes(utf8));
        return b.toByteArray();
    }

    private static byte[] gzipOfSpaces(int inflated) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed, 64 * 1024) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            byte[] start = "<html><body><p>".getBytes(StandardCharsets.US_ASCII);
            gz.write(start);
            for (int written = start.length; written < inflated; written += spaces.length) {
                gz.write(spaces, 0, Math.min(spaces.length, inflated - written));
            }
        }
        return compressed.toByteArray();
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        for (ServerSocket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Socket s : open.keySet()) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        pool.shutdownNow();
    }
}
