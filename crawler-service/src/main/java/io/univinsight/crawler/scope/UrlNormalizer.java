package io.univinsight.crawler.scope;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One spelling per URL, so each page is fetched once per task: lower-case scheme and host,
 * default port and fragment dropped, empty path as "/".
 */
public final class UrlNormalizer {
    private UrlNormalizer() {
    }

    public static String normalize(String url) {
        try {
            URI uri = new URI(url.trim()).normalize();
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
                port = -1;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            StringBuilder sb = new StringBuilder().append(scheme).append("://");
            if (uri.getRawUserInfo() != null) {
                sb.append(uri.getRawUserInfo()).append('@');
            }
            sb.append(host);
            if (port != -1) {
                sb.append(':').append(port);
            }
            sb.append(path);
            if (uri.getRawQuery() != null) {
                sb.append('?').append(uri.getRawQuery());
            }
            return sb.toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }
}
