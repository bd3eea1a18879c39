package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.FetchedPage;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.PageFetcher;

/**
 * https through the crawler's fetcher, against loopback servers with a throwaway certificate: TLS
 * works over the guarded socket and keeps its connection alive, a blocked address is refused on
 * the connection, and a server trickling its headers over TLS is cut at the fetch timeout.
 */
class HttpsFetchTests {
    private static final AddressPolicy LOOPBACK_ONE = new AddressPolicy(List.of("127.0.0.1/32"));

    @TempDir
    Path dir;
    private SSLContext tls;
    private X509TrustManager trust;

    /** A throwaway certificate for 127.0.0.1 and 127.0.0.2, and a trust manager trusting only it. */
    @BeforeEach
    void fixtureTls() throws Exception {
        Path keystore = dir.resolve("fixture.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "fixture", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,ip:127.0.0.2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
        assertEquals(0, keytool.waitFor());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        Files.deleteIfExists(keystore);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        trust = (X509TrustManager) tmf.getTrustManagers()[0];
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    private PageFetcher fetcher(AddressPolicy addresses, Duration timeout) {
        return new PageFetcher(PageFetcherTests.limits(timeout, 1 << 20, 5), "UnivInsightBot/test", addresses, HostResolver.SYSTEM, trust);
    }

    @Test
    void tlsWorksThroughTheGuardKeepsItsConnectionAndABlockedAddressIsRefused() throws Exception {
        AtomicInteger handshakes = new AtomicInteger();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters params) {
                handshakes.incrementAndGet(); // once per new TLS connection
                super.configure(params);
            }
        });
        server.createContext("/", ex -> {
            byte[] body = "<html>secure</html>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String base = "https://127.0.0.1:" + server.getAddress().getPort();
            PageFetcher allowed = fetcher(LOOPBACK_ONE, Duration.ofSeconds(5));
            for (int i = 0; i < 3; i++) {
                FetchedPage page = allowed.fetchHtml(base + "/p" + i + ".html");
                assertEquals("<html>secure</html>", new String(page.body(), StandardCharsets.UTF_8));
            }
            assertEquals(1, handshakes.get(), "three pages of one host over one kept-alive TLS connection");

            // The guard's own lookup is told the name is public; the connection is still refused on its real address.
            PageFetcher strict = new PageFetcher(PageFetcherTests.limits(Duration.ofSeconds(5), 1 << 20, 5), "test",
                    new AddressPolicy(List.of()), host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")}, trust);
            FetchFailure refused = assertThrows(FetchFailure.class, () -> strict.fetchHtml(base + "/"));
            assertEquals("blocked-address", refused.reason(), refused.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServerTricklingItsHeadersOverTlsIsCutAtTheFetchTimeout() throws Exception {
        try (SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Thread tarpit = new Thread(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]); // the request
                    for (byte b : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ".repeat(50).getBytes(StandardCharsets.US_ASCII)) {
                        s.getOutputStream().write(b);
                        s.getOutputStream().flush();
                        Thread.sleep(200); // every read is well within the read timeout
                    }
                } catch (Exception closed) {
                    // the client gave up
                }
            }, "tls-tarpit");
            tarpit.setDaemon(true);
            tarpit.start();
            PageFetcher fetcher = fetcher(LOOPBACK_ONE, Duration.ofSeconds(1));
            long started = System.nanoTime();
            FetchFailure f = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(FetchFailure.class, () -> fetcher.fetchHtml("https://127.0.0.1:" + server.getLocalPort() + "/")));
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertEquals("timeout", f.reason(), f.getMessage());
            assertTrue(ms < 4_000, "cut at the 1 s timeout, not held by the trickle: " + ms + " ms");
        }
    }
}
