package io.univinsight.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.X509TrustManager;

import io.univinsight.crawler.config.CrawlerConfig;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches one URL, following at most N redirects itself so that every hop is checked by the SSRF
 * guard: the scheme, credentials, and every address the host resolves to; the connection itself is
 * checked again on the address it connects to ({@link GuardedSocketFactory}), which closes the
 * DNS-rebinding window between the two lookups. Connections are kept alive and shared
 * ({@link HttpClients}). Bodies are cut at the size limit while reading (gzip is inflated first, so
 * the limit counts inflated bytes); the charset is the header's, else the page's meta (decided when
 * parsing). Each hop, headers and body, has the fetch timeout in all.
 */
public class PageFetcher {
    private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";

    private final CrawlerConfig.Fetch limits;
    private final String userAgent;
    private final SsrfGuard guard;
    private final OkHttpClient client;

    public PageFetcher(CrawlerConfig.Fetch limits, String userAgent, AddressPolicy addresses, HostResolver resolver) {
        this(limits, userAgent, addresses, resolver, null);
    }

    /** With a trust manager of its own for https (tests against a throwaway certificate); null: the JDK's. */
    public PageFetcher(CrawlerConfig.Fetch limits, String userAgent, AddressPolicy addresses, HostResolver resolver,
                       X509TrustManager trust) {
        this.limits = limits;
        this.userAgent = userAgent;
        this.guard = new SsrfGuard(addresses, resolver);
        this.client = HttpClients.crawlerClient(limits, addresses, resolver, trust);
    }

    /** Fetches and returns any successful (2xx) response, whatever its type (robots.txt); failures are classified. */
    public FetchedPage fetch(String url) throws FetchFailure {
        return fetch(url, false, limits.maxBodyBytes(), Map.of());
    }

    /** Like {@link #fetch(String)}, reading at most maxBytes of the body (robots.txt has its own, smaller limit). */
    public FetchedPage fetch(String url, int maxBytes) throws FetchFailure {
        return fetch(url, false, Math.min(maxBytes, limits.maxBodyBytes()), Map.of());
    }

    /** Like {@link #fetch(String)}, but a response that is not HTML/XHTML fails (reason not-html) before its body is read. */
    public FetchedPage fetchHtml(String url) throws FetchFailure {
        return fetch(url, true, limits.maxBodyBytes(), Map.of());
    }

    /**
     * Like {@link #fetchHtml(String)}, sending the given conditional headers (If-None-Match,
     * If-Modified-Since; see {@link ConditionalRequest}) on every hop: a 304 comes back as a
     * page with status 304 and no body, for the caller to take from what it remembers.
     */
    public FetchedPage fetchHtml(String url, Map<String, String> conditionalHeaders) throws FetchFailure {
        return fetch(url, true, limits.maxBodyBytes(), conditionalHeaders);
    }

    private FetchedPage fetch(String url, boolean htmlOnly, int maxBytes, Map<String, String> conditionalHeaders) throws FetchFailure {
        long started = System.nanoTime();
        String current = url;
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            checkTarget(current);
            try (Response response = execute(current, conditionalHeaders)) {
                int status = response.code();
                String contentType = response.header("Content-Type");
                if (status == 304 && !conditionalHeaders.isEmpty()) {
                    return new FetchedPage(url, current, status, contentType, charset(response), new byte[0], millisSince(started),
                            response.header("ETag"), response.header("Last-Modified"), false);
                }
                if (status >= 300 && status < 400 && response.header("Location") != null) {
                    current = resolveRedirect(current, response.header("Location"));
                    continue;
                }
                if (status == 429 || status >= 500) {
                    throw new FetchFailure(FetchFailure.Kind.TRANSIENT, "http-" + status, current, status);
                }
                if (status >= 400) {
                    throw new FetchFailure(FetchFailure.Kind.PERMANENT, "http-" + status, current, status);
                }
                if (htmlOnly && !FetchedPage.isHtml(contentType)) {
                    // closing the unread body costs no download (a PDF, an image)
                    throw new FetchFailure(FetchFailure.Kind.PERMANENT, "not-html", current + " is " + contentType, status);
                }
                byte[] body = readBody(response.body(), current, maxBytes);
                // reading stops at maxBytes: a body that long may have been cut there
                return new FetchedPage(url, current, status, contentType, charset(response), body, millisSince(started),
                        response.header("ETag"), response.header("Last-Modified"), body.length >= maxBytes);
            }
        }
        throw FetchFailure.permanent("too-many-redirects", "more than " + limits.maxRedirects() + " redirects from " + url);
    }

    /** The SSRF guard's verdict (see {@link SsrfGuard}): refuses what may not be fetched. */
    public void checkTarget(String url) throws FetchFailure {
        guard.check(url);
    }

    private Response execute(String url, Map<String, String> conditionalHeaders) throws FetchFailure {
        Request.Builder request;
        try {
            request = new Request.Builder().url(url);
        } catch (IllegalArgumentException e) {
            throw FetchFailure.permanent("bad-url", url + ": " + e.getMessage());
        }
        request.header("User-Agent", userAgent).header("Accept", ACCEPT);
        // A validator a server sent with bytes a header may not carry is not sent back: the content hash still tells an unchanged page.
        conditionalHeaders.forEach((name, value) -> {
            if (isSendable(value)) {
                request.header(name, value);
            }
        });
        try {
            return client.newCall(request.build()).execute();
        } catch (IOException e) {
            throw classify(e, url);
        }
    }

    private static FetchFailure classify(IOException e, String url) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GuardedSocketFactory.BlockedAddressException) {
                return FetchFailure.permanent("blocked-address", url + " connects to " + t.getMessage());
            }
        }
        if (isTimeout(e)) {
            return FetchFailure.transientFailure("timeout", url);
        }
        if (e instanceof ConnectException) {
            return FetchFailure.transientFailure("connection", url + " (" + e.getClass().getSimpleName() + ")");
        }
        if (e instanceof java.net.UnknownHostException) {
            return FetchFailure.transientFailure("dns", "cannot resolve the host of " + url);
        }
        return FetchFailure.transientFailure("io", url + ": " + e);
    }

    private static byte[] readBody(ResponseBody body, String url, int maxBytes) throws FetchFailure {
        try (InputStream in = body.byteStream()) {
            return in.readNBytes(maxBytes);
        } catch (IOException e) {
            throw FetchFailure.transientFailure(isTimeout(e) ? "timeout" : "io", url + " (reading the body): " + e);
        }
    }

    /** The charset the Content-Type names, when the JVM knows it; else null (the page's meta decides). */
    private static String charset(Response response) {
        String contentType = response.header("Content-Type");
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        Charset charset = type == null ? null : type.charset(null);
        return charset == null ? null : charset.name();
    }

    /** A header value OkHttp will send: printable ASCII and tabs only. */
    private static boolean isSendable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                return false;
            }
        }
        return true;
    }

    /** A timeout shows as SocketTimeoutException (connect, read) or OkHttp's InterruptedIOException "timeout" (the call's). */
    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SocketTimeoutException || t.getClass().getSimpleName().contains("Timeout")
                    || message.contains("timed out") || message.contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static String resolveRedirect(String from, String location) throws FetchFailure {
        try {
            return new URI(from).resolve(location.trim().replace(" ", "%20")).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchFailure.permanent("bad-redirect", location);
        }
    }
}
