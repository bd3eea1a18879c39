package io.univinsight.extraction;

import java.net.URL;

/**
 * Resolving the two commonest kinds of link without building URL objects: an absolute {@code http(s)://} address and a
 * root-relative path ({@code /people/jane.html}), each made only of characters that jsoup's resolution (a
 * {@code java.net.URL} built from the base and the link, dot segments dropped, user info dropped) passes through
 * unchanged. Anything else is {@code null}: the caller resolves it the general way. Citation lists and directories
 * resolve one or two such links per record, and the URL objects were a tenth of a profile page's extraction.
 */
final class PlainHrefs {
    private PlainHrefs() {
    }

    /** What {@code StringUtil.resolve(base, href).toExternalForm()} gives for a plain href, else {@code null}. */
    static String resolve(URL base, String href) {
        if (href.startsWith("https://") || href.startsWith("http://")) {
            int hostStart = href.indexOf("//") + 2;
            int hostEnd = hostStart;
            while (hostEnd < href.length() && isHostChar(href.charAt(hostEnd))) {
                hostEnd++;
            }
            boolean pathNext = hostEnd == href.length() || href.charAt(hostEnd) == '/';
            return hostEnd > hostStart && pathNext && isPlainPath(href, hostEnd) ? href : null;
        }
        if (href.startsWith("/") && !href.startsWith("//") && isPlainPath(href, 0)) {
            String protocol = base.getProtocol();
            String host = base.getHost();
            if (!(protocol.equals("http") || protocol.equals("https")) || host.isEmpty() || !isPlainHost(host)) {
                return null;
            }
            int port = base.getPort();
            return protocol + "://" + host + (port == -1 ? "" : ":" + port) + href;
        }
        return null;
    }

    /** A host as written in lower case (no port, user info or IPv6 brackets, nothing IDN would change). */
    private static boolean isPlainHost(String host) {
        for (int i = 0; i < host.length(); i++) {
            if (!isHostChar(host.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    /**
     * From {@code from} on: visible ASCII only, no backslash, and no dot segment or empty segment ("/.", "//"), which
     * URL parsing would rewrite.
     */
    private static boolean isPlainPath(String href, int from) {
        for (int i = from; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c <= ' ' || c > '~' || c == '\\') {
                return false;
            }
            if (c == '/' && i + 1 < href.length() && (href.charAt(i + 1) == '.' || href.charAt(i + 1) == '/')) {
                return false;
            }
        }
        return true;
    }
}
