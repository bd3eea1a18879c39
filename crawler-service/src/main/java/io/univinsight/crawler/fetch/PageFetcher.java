package io.univinsight.crawler.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jsoup.Connection;
import org.jsoup.Jsoup;

import io.univinsight.crawler.config.CrawlerConfig;

/**
 * Fetches one URL with Jsoup, following at most N redirects itself so that every hop is
 * checked by the SSRF guard: the scheme, credentials, and every address the host resolves to.
 * Bodies are cut at the size limit while reading; gzip and charsets are Jsoup's.
 */
public class PageFetcher {
    private final CrawlerConfig.Fetch limits;
    private final String userAgent;
    private final AddressPolicy addresses;
    private final HostResolver resolver;

    public PageFetcher(CrawlerConfig.Fetch limits, String userAgent, AddressPolicy addresses, HostResolver resolver) {
        this.limits = limits;
        this.userAgent = userAgent;
        this.addresses = addresses;
        this.resolver = resolver;
    }

    /** Fetches and returns any successful (2xx) response; failures are classified. */
    public FetchedPage fetch(String url) throws FetchFailure {
        long started = System.nanoTime();
        String current = url;
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            checkTarget(current);
            Connection.Response response = execute(current);
            int status = response.statusCode();
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
            long fetchMs = (System.nanoTime() - started) / 1_000_000;
            return new FetchedPage(url, current, status, response.contentType(), response.charset(), response.bodyAsBytes(), fetchMs);
        }
        throw FetchFailure.permanent("too-many-redirects", "more than " + limits.maxRedirects() + " redirects from " + url);
    }

    /** Refuses non-http(s) schemes, credentials, and hosts resolving to a blocked address. */
    void checkTarget(String url) throws FetchFailure {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw FetchFailure.permanent("bad-url", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchFailure.permanent("blocked-scheme", "scheme '" + scheme + "' in " + url);
        }
        if (uri.getRawUserInfo() != null) {
            throw FetchFailure.permanent("credentials-in-url", url);
        }
        if (uri.getHost() == null) {
            throw FetchFailure.permanent("bad-url", "no host in " + url);
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw FetchFailure.transientFailure("dns", "cannot resolve " + uri.getHost());
        }
        for (InetAddress address : resolved) {
            String refusal = addresses.refusal(address);
            if (refusal != null) {
                throw FetchFailure.permanent("blocked-address", uri.getHost() + " resolves to " + refusal);
            }
        }
    }

    private Connection.Response execute(String url) throws FetchFailure {
        try {
            return Jsoup.connect(url)
                    .userAgent(userAgent)
                    .timeout((int) limits.timeout().toMillis())
                    .maxBodySize(limits.maxBodyBytes())
                    .followRedirects(false)
                    .ignoreHttpErrors(true)
                    .ignoreContentType(true)
                    .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                    .execute();
        } catch (SocketTimeoutException e) {
            throw FetchFailure.transientFailure("timeout", url);
        } catch (ConnectException e) {
            throw FetchFailure.transientFailure("connection", url + " (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw FetchFailure.transientFailure("io", url + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw FetchFailure.permanent("bad-url", url + ": " + e.getMessage());
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
