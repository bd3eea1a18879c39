package io.univinsight.crawler.fetch;

import java.net.Proxy;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import io.univinsight.crawler.config.CrawlerConfig;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The crawler's one HTTP client (OkHttp, as StormCrawler's okhttp protocol): a pool of kept-alive
 * connections shared by every worker, so a host's second page costs no new TCP or TLS handshake;
 * sockets from {@link GuardedSocketFactory}; names resolved by the same resolver the SSRF guard
 * asks; no proxy (the guard must judge the address actually connected to), no cookies, no cache
 * (validators are the page-state store's), redirects left to the caller so every hop is checked.
 * The call timeout bounds each request whole (headers and body), so a server trickling bytes
 * cannot hold a worker past it.
 */
final class HttpClients {
    /** Idle connections kept: enough for every host of a wide crawl to keep one warm. */
    static final int IDLE_CONNECTIONS = 256;
    static final long KEEP_ALIVE_SECONDS = 30;

    private HttpClients() {
    }

    static OkHttpClient crawlerClient(CrawlerConfig.Fetch limits, AddressPolicy addresses, HostResolver resolver, X509TrustManager trust) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS))
                .socketFactory(new GuardedSocketFactory(addresses))
                .dns(host -> List.of(resolver.resolve(host)))
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(limits.timeout())
                .readTimeout(limits.timeout())
                .writeTimeout(limits.timeout())
                .callTimeout(limits.timeout());
        if (trust != null) {
            builder.sslSocketFactory(tlsContext(trust).getSocketFactory(), trust);
        }
        return builder.build();
    }

    private static SSLContext tlsContext(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }
}
