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
import io.univinsight.crawler.fetch.GuardedSslSocketFactory;

/** The https guard still speaks TLS to an allowed host (a loopback HTTPS server with a throwaway certificate) and refuses a blocked one. */
class GuardedSslSocketFactoryTests {
    @TempDir
    Path dir;

    @Test
    void tlsWorksThroughTheGuardAndABlockedAddressIsRefused() throws Exception {
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
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

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
            Files.deleteIfExists(keystore);
        }
    }
}
