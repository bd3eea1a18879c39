package io.univinsight.crawler.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SSRF guard's verdict on one URL, before any connection: http(s) only, no credentials, no
 * IPv4 address written in a form other than dotted decimal (decimal 2130706433, octal 0177.1,
 * hex 0x7f.1: other clients read these as addresses, so the guard will not guess), and every
 * address the host resolves to allowed by the {@link AddressPolicy}.
 */
public final class SsrfGuard {
    /** Every label a number (decimal, octal with a leading 0, hex with 0x): an IPv4 literal in some notation. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(?:0x[0-9a-f]*|\\d+)(?:\\.(?:0x[0-9a-f]*|\\d+)){0,3}\\.?");
    private static final Pattern DOTTED_DECIMAL = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final AddressPolicy addresses;
    private final HostResolver resolver;

    public SsrfGuard(AddressPolicy addresses, HostResolver resolver) {
        this.addresses = addresses;
        this.resolver = resolver;
    }

    /**
     * The addresses the URL's host resolves to, all allowed.
     *
     * @throws FetchFailure why not: bad-url, blocked-scheme, credentials-in-url, ambiguous-ip-literal,
     *                      blocked-address (permanent) or dns (transient)
     */
    public List<InetAddress> check(String url) throws FetchFailure {
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
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI gives no host for "127.1" or "0x7f.1" (not a hostname by its grammar), other clients do.
            String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority().replaceFirst(":\\d*$", "");
            throw NUMERIC_HOST.matcher(authority).matches() ? ambiguousLiteral(authority) : FetchFailure.permanent("bad-url", "no host in " + url);
        }
        if (NUMERIC_HOST.matcher(host).matches() && !DOTTED_DECIMAL.matcher(host).matches()) {
            throw ambiguousLiteral(host);
        }
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw FetchFailure.transientFailure("dns", "cannot resolve " + host);
        }
        for (InetAddress address : resolved) {
            String refusal = addresses.refusal(address);
            if (refusal != null) {
                throw FetchFailure.permanent("blocked-address", host + " resolves to " + refusal);
            }
        }
        return List.of(resolved);
    }

    private static FetchFailure ambiguousLiteral(String host) {
        return FetchFailure.permanent("ambiguous-ip-literal", host + " is an IPv4 address in decimal, octal or hex notation");
    }
}
