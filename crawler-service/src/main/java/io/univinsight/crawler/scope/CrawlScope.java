package io.univinsight.crawler.scope;

import java.net.URI;
import java.util.Locale;

/**
 * Where one task may go: the start page's site (scheme, host and port) and its folder.
 *
 * @param site        "http://host:port", the politeness and same-site key
 * @param startFolder the start page's folder, e.g. "/cs/faculty/"
 */
public record CrawlScope(String startUrl, String site, String startFolder) {

    /** The scope of a normalised start URL. */
    public static CrawlScope of(String startUrl) {
        URI uri = URI.create(startUrl);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return new CrawlScope(startUrl, siteOf(uri), path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** "scheme://host:port" with the default port spelled out, so two spellings of one server agree. */
    public static String siteOf(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** The host and port a URL's requests go to: the unit of politeness (one server, whatever the scheme). */
    public static String serverOf(URI uri) {
        String site = siteOf(uri);
        return site.substring(site.indexOf("://") + 3);
    }
}
