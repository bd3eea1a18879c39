package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.univinsight.crawler.config.CrawlerConfig;
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.crawler.testing.RawHttp;

/**
 * SSRF refusals decided by resolution alone (no packet leaves for a blocked address), a redirect
 * into a blocked loopback address refused before the request, and the fetch limits, against
 * servers on loopback.
 */
class PageFetcherTests {
    static CrawlerConfig.Fetch limits(Duration timeout, int maxBody, int maxRedirects) {
        return new CrawlerConfig.Fetch() {
            public Duration timeout() {
                return timeout;
            }

            public int maxBodyBytes() {
                return maxBody;
            }

            public int maxRedirects() {
                return maxRedirects;
            }
        };
    }

    private static final CrawlerConfig.Fetch LIMITS = limits(Duration.ofSeconds(2), 1024, 5);
    private static final AddressPolicy DEMO = new AddressPolicy(List.of("127.0.0.1/32"));

    private final AtomicInteger lookups = new AtomicInteger();
    private FixtureServer site;
    private FixtureServer internal;

    @AfterEach
    void stopServers() {
        if (site != null) {
            site.close();
        }
        if (internal != null) {
            internal.close();
        }
    }

    private PageFetcher fetcherResolvingTo(String... addresses) {
        HostResolver resolver = host -> {
            lookups.incrementAndGet();
            InetAddress[] answers = new InetAddress[addresses.length];
            for (int i = 0; i < addresses.length; i++) {
                answers[i] = InetAddress.getByName(addresses[i]);
            }
            return answers;
        };
        return new PageFetcher(LIMITS, "test", new AddressPolicy(List.of()), resolver);
    }

    private static PageFetcher demoFetcher(CrawlerConfig.Fetch limits) {
        return new PageFetcher(limits, "UnivInsightBot/test", DEMO, HostResolver.SYSTEM);
    }

    /** Names resolving into every blocked class are refused by resolution: the fake names could not even be connected to. */
    @ParameterizedTest
    @CsvSource({"127.0.0.2, loopback", "::1, loopback", "10.20.30.40, private", "172.16.5.5, private", "192.168.0.10, private",
            "169.254.169.254, link-local", "fe80::1, link-local", "fd00:ec2::254, unique-local", "224.0.0.251, multicast",
            "ff02::1, multicast", "100.64.1.1, carrier-grade NAT", "0.0.0.0, unspecified", "::ffff:192.168.1.1, private"})
    void aNameResolvingToABlockedAddressIsRefusedBeforeAnyConnection(String address, String kind) {
        FetchFailure f = assertThrows(FetchFailure.class, () -> fetcherResolvingTo(address).fetch("http://intranet.invalid/"));
        assertEquals("blocked-address", f.reason());
        assertTrue(f.getMessage().contains(kind), f.getMessage());
        assertFalse(f.isTransient());
        assertEquals(1, lookups.get());
    }

    @Test
    void oneBlockedAnswerAmongPublicOnesIsEnoughToRefuse() {
        // A rebinding name may answer a public and a private address; the connection could use either.
        FetchFailure f = assertThrows(FetchFailure.class,
                () -> fetcherResolvingTo("93.184.216.34", "10.0.0.7").fetch("http://rebind.invalid/"));
        assertEquals("blocked-address", f.reason());
    }

    @Test
    void otherSchemesAndCredentialsAreRefusedWithoutResolving() {
        PageFetcher fetcher = fetcherResolvingTo("93.184.216.34");
        assertEquals("blocked-scheme", assertThrows(FetchFailure.class, () -> fetcher.fetch("file:///etc/passwd")).reason());
        assertEquals("blocked-scheme", assertThrows(FetchFailure.class, () -> fetcher.fetch("gopher://example.edu/")).reason());
        assertEquals("blocked-scheme", assertThrows(FetchFailure.class, () -> fetcher.fetch("ftp://example.edu/x.html")).reason());
        assertEquals("credentials-in-url", assertThrows(FetchFailure.class, () -> fetcher.fetch("http://user:pw@example.edu/")).reason());
        assertEquals(0, lookups.get());
    }

    @Test
    void aRedirectIntoABlockedAddressIsRefusedBeforeTheInternalHostHearsAnything() {
        internal = FixtureServer.on("127.0.0.2").html("/", "<html><body>internal admin</body></html>");
        site = FixtureServer.on("127.0.0.1").route("/go", ex -> FixtureServer.redirect(ex, internal.base() + "/"));
        FetchFailure f = assertThrows(FetchFailure.class, () -> demoFetcher(LIMITS).fetch(site.base() + "/go"));
        assertEquals("blocked-address", f.reason());
        assertTrue(f.getMessage().contains("127.0.0.2"), f.getMessage());
        assertEquals(1, site.hitsOn("/go"));
        assertTrue(internal.hits().isEmpty(), "the internal host received " + internal.hits());
    }

    /**
     * DNS rebinding: the guard's lookup answers a public address, the connection goes to the
     * internal one. The socket checks the address actually connected to, over http and https, so
     * the internal host never even accepts a TCP connection.
     */
    @ParameterizedTest
    @CsvSource({"http", "https"})
    void aConnectionIsCheckedOnTheAddressItConnectsTo(String scheme) throws Exception {
        try (java.net.ServerSocket internalHost = new java.net.ServerSocket(0, 10, InetAddress.getByName("127.0.0.2"))) {
            AtomicInteger accepted = new AtomicInteger();
            Thread acceptor = new Thread(() -> {
                try {
                    internalHost.accept().close();
                    accepted.incrementAndGet();
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PageFetcher rebound = new PageFetcher(LIMITS, "test", new AddressPolicy(List.of()), host -> new InetAddress[] {
                    InetAddress.getByName("93.184.216.34")});
            FetchFailure f = assertThrows(FetchFailure.class,
                    () -> rebound.fetch(scheme + "://127.0.0.2:" + internalHost.getLocalPort() + "/"));
            assertEquals("blocked-address", f.reason(), f.getMessage());
            assertFalse(f.isTransient());
            Thread.sleep(200);
            assertEquals(0, accepted.get(), "the internal host accepted a connection");
        }
    }

    /** Pages of one host share one kept-alive connection: a recrawl of 304s pays no TCP handshake per page. */
    @Test
    void pagesOfOneHostShareOneConnection() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket s = server.accept();
                        connections.incrementAndGet();
                        Thread answer = new Thread(() -> answerKeptAlive(s));
                        answer.setDaemon(true);
                        answer.start();
                    } catch (java.io.IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            PageFetcher fetcher = demoFetcher(LIMITS);
            for (int i = 0; i < 5; i++) {
                FetchedPage page = fetcher.fetchHtml("http://127.0.0.1:" + server.getLocalPort() + "/p" + i + ".html");
                assertEquals("<p>kept</p>", new String(page.body(), StandardCharsets.UTF_8));
            }
            assertEquals(1, connections.get(), "five pages over one connection");
        }
    }

    /** Answers every request on the socket with a small page, keeping the connection open. */
    private static void answerKeptAlive(java.net.Socket socket) {
        byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 11\r\n\r\n<p>kept</p>")
                .getBytes(StandardCharsets.US_ASCII);
        try (socket) {
            while (RawHttp.skipRequestHead(socket.getInputStream())) {
                socket.getOutputStream().write(answer);
                socket.getOutputStream().flush();
            }
        } catch (java.io.IOException closed) {
            // the client hung up
        }
    }

    @Test
    void aRedirectToAnotherSchemeIsRefused() {
        site = FixtureServer.on("127.0.0.1").route("/go", ex -> FixtureServer.redirect(ex, "file:///etc/passwd"));
        assertEquals("blocked-scheme", assertThrows(FetchFailure.class, () -> demoFetcher(LIMITS).fetch(site.base() + "/go")).reason());
    }

    @Test
    void redirectsAreFollowedAtMostFiveTimes() throws Exception {
        site = FixtureServer.on("127.0.0.1");
        for (int i = 0; i < 6; i++) {
            int next = i + 1;
            site.route("/r" + i, ex -> FixtureServer.redirect(ex, "/r" + next));
        }
        site.html("/r6", "<html>end</html>");
        FetchedPage page = demoFetcher(LIMITS).fetch(site.base() + "/r1");
        assertTrue(page.finalUrl().endsWith("/r6"), "five redirects are followed");
        FetchFailure f = assertThrows(FetchFailure.class, () -> demoFetcher(LIMITS).fetch(site.base() + "/r0"));
        assertEquals("too-many-redirects", f.reason());
    }

    @Test
    void serverErrorsAreTransientClientErrorsPermanent() {
        site = FixtureServer.on("127.0.0.1")
                .route("/busy", ex -> FixtureServer.send(ex, 503, "text/html", new byte[0]))
                .route("/gone", ex -> FixtureServer.send(ex, 410, "text/html", new byte[0]));
        FetchFailure busy = assertThrows(FetchFailure.class, () -> demoFetcher(LIMITS).fetch(site.base() + "/busy"));
        assertTrue(busy.isTransient());
        assertEquals("http-503", busy.reason());
        FetchFailure gone = assertThrows(FetchFailure.class, () -> demoFetcher(LIMITS).fetch(site.base() + "/gone"));
        assertFalse(gone.isTransient());
        assertEquals("http-410", gone.reason());
        assertEquals(404, assertThrows(FetchFailure.class, () -> demoFetcher(LIMITS).fetch(site.base() + "/missing")).httpStatus());
    }

    @Test
    void onlyHtmlAndXhtmlAreTakenAsPages() throws Exception {
        site = FixtureServer.on("127.0.0.1")
                .text("/cv.pdf", "application/pdf", "%PDF-1.4 ...")
                .text("/page.xhtml", "application/xhtml+xml; charset=utf-8", "<html xmlns='http://www.w3.org/1999/xhtml'/>");
        FetchFailure pdf = assertThrows(FetchFailure.class, () -> demoFetcher(LIMITS).fetchHtml(site.base() + "/cv.pdf"));
        assertEquals("not-html", pdf.reason());
        assertFalse(pdf.isTransient());
        assertEquals(200, demoFetcher(LIMITS).fetchHtml(site.base() + "/page.xhtml").status());
    }

    @Test
    void bodiesAreCutAtTheLimitAndGzipIsDecoded() throws Exception {
        String big = "<html><body>" + "x".repeat(5000) + "</body></html>";
        site = FixtureServer.on("127.0.0.1")
                .html("/big", big)
                .route("/zipped", ex -> FixtureServer.sendGzip(ex, "text/html; charset=utf-8", "<p>압축</p>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(1024, demoFetcher(LIMITS).fetch(site.base() + "/big").body().length);
        FetchedPage zipped = demoFetcher(LIMITS).fetch(site.base() + "/zipped");
        assertArrayEquals("<p>압축</p>".getBytes(StandardCharsets.UTF_8), zipped.body());
        assertEquals("utf-8", zipped.charset().toLowerCase());
    }

    @Test
    void aServerThatDoesNotAnswerTimesOutAsTransient() {
        site = FixtureServer.on("127.0.0.1").route("/slow", ex -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FetchFailure f = assertThrows(FetchFailure.class,
                () -> demoFetcher(limits(Duration.ofMillis(300), 1024, 5)).fetch(site.base() + "/slow"));
        assertTrue(f.isTransient());
        assertEquals("timeout", f.reason(), f.getMessage());
    }
}
