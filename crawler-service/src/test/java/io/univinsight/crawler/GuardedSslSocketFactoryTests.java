package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchDeadline;
import io.univinsight.crawler.fetch.GuardedSslSocketFactory;

/** The https guard still speaks TLS to an allowed host (a loopback HTTPS server with a throwaway certificate) and refuses a blocked one. */
class GuardedSslSocketFactoryTests {
    @TempDir
    Path dir;

    /** A throwaway certificate for 127.0.0.1 and 127.0.0.2, trusted by the returned context. */
    private SSLContext fixtureTls() throws Exception {
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
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return tls;
    }

    @Test
    void aServerTricklingItsHeadersOverTlsIsCutAtTheFetchDeadline() throws Exception {
        SSLContext tls = fixtureTls();
        try (javax.net.ssl.SSLServerSocket server = (javax.net.ssl.SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"))) {
            Thread tarpit = new Thread(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]); // the request
                    for (byte b : "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: ".repeat(50).getBytes(StandardCharsets.US_ASCII)) {
                        s.getOutputStream().write(b);
                        s.getOutputStream().flush();
                        Thread.sleep(200); // every read is well within the 5 s read timeout
                    }
                } catch (Exception closed) {
                    // the client gave up
                }
            }, "tls-tarpit");
            tarpit.setDaemon(true);
            tarpit.start();
            HttpsURLConnection slow = (HttpsURLConnection) new URL("https://127.0.0.1:" + server.getLocalPort() + "/").openConnection();
            slow.setSSLSocketFactory(new GuardedSslSocketFactory(new AddressPolicy(List.of("127.0.0.1/32")), tls.getSocketFactory()));
            slow.setReadTimeout(5_000);
            long started = System.nanoTime();
            FetchDeadline.start(java.time.Duration.ofSeconds(1));
            try {
                assertThrows(java.net.SocketTimeoutException.class, slow::getResponseCode);
            } finally {
                FetchDeadline.clear();
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ms < 4_000, "cut at the 1 s deadline, not held by the trickle: " + ms + " ms");
        }
    }

    @Test
    void tlsWorksThroughTheGuardAndABlockedAddressIsRefused() throws Exception {
        SSLContext tls = fixtureTls();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", ex -> {
            byte[] body = "<html>secure</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            GuardedSslSocketFactory demo = new GuardedSslSocketFactory(new AddressPolicy(List.of("127.0.0.1/32")), tls.getSocketFactory());
            HttpsURLConnection ok = (HttpsURLConnection) new URL("https://127.0.0.1:" + server.getAddress().getPort() + "/").openConnection();
            ok.setSSLSocketFactory(demo);
            try (InputStream in = ok.getInputStream()) {
                assertEquals("<html>secure</html>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            GuardedSslSocketFactory strict = new GuardedSslSocketFactory(new AddressPolicy(List.of()), tls.getSocketFactory());
            HttpsURLConnection refused = (HttpsURLConnection) new URL("https://127.0.0.1:" + server.getAddress().getPort() + "/").openConnection();
            refused.setSSLSocketFactory(strict);
            Exception e = assertThrows(java.io.IOException.class, refused::getInputStream);
            assertTrue(e instanceof GuardedSslSocketFactory.BlockedAddressException, e.toString());
        } finally {
            server.stop(0);
        }
    }
}
