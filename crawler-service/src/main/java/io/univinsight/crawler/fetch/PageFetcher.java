package io.univinsight.crawler.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jsoup.Connection;
import org.jsoup.Jsoup;

import io.univinsight.crawler.config.CrawlerConfig;

/**
 * Fetches one URL with Jsoup, following at most N redirects itself so that every hop is
 * checked by the SSRF guard: the scheme, credentials, and every address the host resolves to.
 * Bodies are cut at the size limit while reading (Jsoup stops reading there); gzip is Jsoup's;
 * the charset is the header's, else the page's meta (decided when parsing).
 *
 * <p>DNS rebinding: for https the TLS socket factory checks the address the socket connects to
 * ({@link GuardedSslSocketFactory}), so the check is on the connection itself. For http the guard
 * resolves through {@link HostResolver#SYSTEM}, i.e. the JVM's address cache, and Jsoup's
 * connection resolves the same name through that same cache right after; see
 * {@link ResolutionPinning} for what this does and does not guarantee.
 */
public class PageFetcher {
    /** Whether -Djsoup.useHttpClient was given at start: then it wins over crawler.fetch.client. */
    private static final boolean CLIENT_PROPERTY_GIVEN = System.getProperty("jsoup.useHttpClient") != null;

    private final CrawlerConfig.Fetch limits;
    private final String userAgent;
    private final SsrfGuard guard;
    private final GuardedSslSocketFactory tlsSockets;

    public PageFetcher(CrawlerConfig.Fetch limits, String userAgent, AddressPolicy addresses, HostResolver resolver) {
        this.limits = limits;
        this.userAgent = userAgent;
        this.guard = new SsrfGuard(addresses, resolver);
        this.tlsSockets = new GuardedSslSocketFactory(addresses);
        useClient(limits.client());
    }

    /**
     * Jsoup picks its executor from the jsoup.useHttpClient property on every request. Its
     * HttpURLConnection executor fetched ~1.5x the pages per second on loopback
     * (bench/crawler/run.sh), but HttpURLConnection's timeout is per read: a server sending its
     * status line and headers a byte a second holds the fetch (and the worker) forever. The
     * java.net.http executor's timeout bounds the wait for the headers, so it is the default.
     * Both resolve names through the JVM cache. The body is bounded either way by Jsoup's total
     * timeout and maxBodySize (which counts inflated bytes of a gzip body).
     */
    static void useClient(String client) {
        if (CLIENT_PROPERTY_GIVEN) {
            return;
        }
        String name = client == null ? "http-client" : client.strip().toLowerCase(Locale.ROOT);
        switch (name) {
            case "http-client" -> System.setProperty("jsoup.useHttpClient", "true");
            case "url-connection" -> System.setProperty("jsoup.useHttpClient", "false");
            default -> throw new IllegalArgumentException("crawler.fetch.client must be http-client or url-connection, not '" + client + "'");
        }
    }

    /** Fetches and returns any successful (2xx) response, whatever its type (robots.txt); failures are classified. */
    public FetchedPage fetch(String url) throws FetchFailure {
        return fetch(url, false, limits.maxBodyBytes());
    }

    /** Like {@link #fetch(String)}, reading at most maxBytes of the body (robots.txt has its own, smaller limit). */
    public FetchedPage fetch(String url, int maxBytes) throws FetchFailure {
        return fetch(url, false, Math.min(maxBytes, limits.maxBodyBytes()));
    }

    /** Like {@link #fetch(String)}, but a response that is not HTML/XHTML fails (reason not-html) before its body is read. */
    public FetchedPage fetchHtml(String url) throws FetchFailure {
        return fetch(url, true, limits.maxBodyBytes(), java.util.Map.of());
    }

    /**
     * Like {@link #fetchHtml(String)}, sending the given conditional headers (If-None-Match,
     * If-Modified-Since; see {@link ConditionalRequest}) on every hop: a 304 comes back as a
     * page with status 304 and no body, for the caller to take from what it remembers.
     */
    public FetchedPage fetchHtml(String url, java.util.Map<String, String> conditionalHeaders) throws FetchFailure {
        return fetch(url, true, limits.maxBodyBytes(), conditionalHeaders);
    }

    private FetchedPage fetch(String url, boolean htmlOnly, int maxBytes) throws FetchFailure {
        return fetch(url, htmlOnly, maxBytes, java.util.Map.of());
    }

    private FetchedPage fetch(String url, boolean htmlOnly, int maxBytes, java.util.Map<String, String> conditionalHeaders) throws FetchFailure {
        try {
            return fetchHops(url, htmlOnly, maxBytes, conditionalHeaders);
        } finally {
            FetchDeadline.clear();
        }
    }

    private FetchedPage fetchHops(String url, boolean htmlOnly, int maxBytes, java.util.Map<String, String> conditionalHeaders) throws FetchFailure {
        long started = System.nanoTime();
        String current = url;
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            checkTarget(current);
            FetchDeadline.start(limits.timeout()); // each hop, headers and body, within the timeout (https sockets)
            Connection.Response response = execute(current, maxBytes, conditionalHeaders);
            int status = response.statusCode();
            if (status == 304 && !conditionalHeaders.isEmpty()) {
                long fetchMs = (System.nanoTime() - started) / 1_000_000;
                return new FetchedPage(url, current, status, response.contentType(), response.charset(), new byte[0], fetchMs,
                        response.header("ETag"), response.header("Last-Modified"), false);
            }
            if (status >= 300 && status < 400 && response.hasHeader("Location")) {
                current = resolveRedirect(current, response.header("Location"));
                continue;
            }
            if (status == 429 || status >= 500) {
                throw new FetchFailure(FetchFailure.Kind.TRANSIENT, "http-" + status, current, status);
            }
            if (status >= 400) {
                throw new FetchFailure(FetchFailure.Kind.PERMANENT, "http-" + status, current, status);
            }
            if (htmlOnly && !FetchedPage.isHtml(response.contentType())) {
                discardBody(response);
                throw new FetchFailure(FetchFailure.Kind.PERMANENT, "not-html", current + " is " + response.contentType(), status);
            }
            byte[] body = readBody(response, current);
            long fetchMs = (System.nanoTime() - started) / 1_000_000;
            // Jsoup stops reading at maxBytes: a body that long may have been cut there.
            return new FetchedPage(url, current, status, response.contentType(), response.charset(), body, fetchMs,
                    response.header("ETag"), response.header("Last-Modified"), body.length >= maxBytes);
        }
        throw FetchFailure.permanent("too-many-redirects", "more than " + limits.maxRedirects() + " redirects from " + url);
    }

    /** The SSRF guard's verdict (see {@link SsrfGuard}): refuses what may not be fetched. */
    public void checkTarget(String url) throws FetchFailure {
        guard.check(url);
    }

    private Connection.Response execute(String url, int maxBytes, java.util.Map<String, String> conditionalHeaders) throws FetchFailure {
        try {
            Connection connection = Jsoup.connect(url);
            conditionalHeaders.forEach(connection::header);
            if (url.regionMatches(true, 0, "https:", 0, 6)) {
                connection.sslSocketFactory(tlsSockets); // https: the connection itself checks its address
            }
            return connection
                    .userAgent(userAgent)
                    .timeout((int) limits.timeout().toMillis())
                    .maxBodySize(maxBytes)
                    .followRedirects(false)
                    .ignoreHttpErrors(true)
                    .ignoreContentType(true)
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                    .execute();
        } catch (GuardedSslSocketFactory.BlockedAddressException e) {
            throw FetchFailure.permanent("blocked-address", url + " connects to " + e.getMessage());
        } catch (SocketTimeoutException e) {
            throw FetchFailure.transientFailure("timeout", url);
        } catch (ConnectException e) {
            throw FetchFailure.transientFailure("connection", url + " (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof GuardedSslSocketFactory.BlockedAddressException) {
                    throw FetchFailure.permanent("blocked-address", url + " connects to " + t.getMessage());
                }
            }
            throw FetchFailure.transientFailure(isTimeout(e) ? "timeout" : "io", url + ": " + e);
        } catch (IllegalArgumentException e) {
            throw FetchFailure.permanent("bad-url", url + ": " + e.getMessage());
        }
    }

    private static byte[] readBody(Connection.Response response, String url) throws FetchFailure {
        try {
            return response.bodyAsBytes();
        } catch (java.io.UncheckedIOException e) {
            throw FetchFailure.transientFailure(isTimeout(e) ? "timeout" : "io", url + " (reading the body): " + e);
        }
    }

    /** Jsoup's HTTP clients report a timeout as various IOExceptions; any of them in the chain counts. */
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

    /** Closes the unread body so a skipped page (PDF, image) costs no download. */
    private static void discardBody(Connection.Response response) {
        try {
            response.bodyStream().close();
        } catch (IOException | RuntimeException ignored) {
            // nothing more to free
        }
    }

    private static String resolveRedirect(String from, String location) throws FetchFailure {
        try {
            return new URI(from).resolve(location.trim().replace(" ", "%20")).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchFailure.permanent("bad-redirect", location);
        }
    }
}
