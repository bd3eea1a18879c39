package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import crawlercommons.robots.BaseRobotRules;
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.testing.RawHttp;

/**
 * Servers that attack the fetcher: one that sends its status line and headers a byte a second
 * (a tarpit: a per-read timeout never fires), one that trickles its body the same way, and a 3 MB robots.txt, of which
 * only the configured limit is read.
 */
class HostileServerTests {
    private ServerSocket server;
    private volatile boolean running = true;

    @AfterEach
    void stop() throws IOException {
        running = false;
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerTricklingItsHeadersIsCutAtTheFetchTimeout() throws Exception {
        start(out -> {
            byte[] head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; running; i++) {
                out.write(i < head.length ? head[i] : 'a');
                out.flush();
                Thread.sleep(200); // 5 bytes a second: every read is well within the read timeout
            }
        });
        assertCutAtTheTwoSecondTimeout();
    }

    @Test
    void aServerTricklingItsBodyIsCutAtTheFetchTimeout() throws Exception {
        start(out -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n<html>".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (running) {
                out.write('x');
                out.flush();
                Thread.sleep(200); // headers at once, then 5 bytes a second of a 100 KB body
            }
        });
        assertCutAtTheTwoSecondTimeout();
    }

    @Test
    void onlyTheRobotsLimitOfAHugeRobotsTxtIsRead() throws Exception {
        int size = 3 << 20;
        start(out -> {
            String first = "User-agent: *\nDisallow: /private/\n";
            byte[] filler = "Disallow: /nothing-here/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/\n".getBytes(StandardCharsets.US_ASCII);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(first.getBytes(StandardCharsets.US_ASCII));
            int written = first.length();
            while (written + filler.length <= size) {
                out.write(filler);
                written += filler.length;
            }
            out.write(new byte[size - written]);
            out.flush();
        });
        PageFetcher fetcher = fetcher(Duration.ofSeconds(5), 5 << 20);
        FetchedPage page = fetcher.fetch(base() + "/robots.txt", 64 * 1024);
        assertEquals(64 * 1024, page.body().length, "the body is cut at the robots limit");

        RobotsRules robots = new RobotsRules(fetcher, "UnivInsightBot/test", Duration.ofHours(1), Clock.systemUTC(), 64 * 1024);
        BaseRobotRules rules = robots.rulesFor(base() + "/people/1.html");
        assertFalse(rules.isAllowed(base() + "/private/x.html"), "rules before the cut still apply");
        assertTrue(rules.isAllowed(base() + "/people/1.html"));
    }

    /** A page fetch with a 2 s timeout fails as a transient timeout well before the trickle would end. */
    private void assertCutAtTheTwoSecondTimeout() {
        PageFetcher fetcher = fetcher(Duration.ofSeconds(2), 1 << 20);
        long started = System.nanoTime();
        FetchFailure f = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(FetchFailure.class, () -> fetcher.fetchHtml(base() + "/page.html")));
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals("timeout", f.reason(), f.getMessage());
        assertTrue(f.isTransient());
        assertTrue(ms < 8_000, "cut near the 2 s timeout, not held by the trickle: " + ms + " ms");
    }

    private interface Answer {
        void write(OutputStream out) throws Exception;
    }

    private void start(Answer answer) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(() -> {
            while (running) {
                try (Socket s = server.accept()) {
                    RawHttp.skipRequestHead(s.getInputStream());
                    answer.write(s.getOutputStream());
                } catch (Exception e) {
                    // the client hung up
                }
            }
        }, "hostile-server");
        t.setDaemon(true);
        t.start();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private static PageFetcher fetcher(Duration timeout, int maxBody) {
        return new PageFetcher(PageFetcherTests.limits(timeout, maxBody, 5), "UnivInsightBot/test",
                new AddressPolicy(List.of("127.0.0.1/32")), HostResolver.SYSTEM);
    }
}
