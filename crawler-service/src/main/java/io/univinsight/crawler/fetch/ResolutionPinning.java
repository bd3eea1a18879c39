package io.univinsight.crawler.fetch;

import java.security.Security;

/**
 * How the SSRF guard makes the address it checked the address Jsoup connects to (DNS rebinding)
 * for plain http; https connections are checked on the socket itself ({@link GuardedSslSocketFactory}).
 *
 * <p>The guard resolves a host with {@code InetAddress.getAllByName} and checks every answer;
 * Jsoup then opens the connection by host name, which resolves through the same JVM-wide
 * address cache. The JDK keeps a positive answer for {@code networkaddress.cache.ttl} seconds
 * (30 by default), whatever TTL the DNS server gave, so a rebinding server answering with TTL 0
 * cannot hand the connection a different address than the one checked a few milliseconds before.
 *
 * <p>What it does not cover: an entry expiring exactly between the check and the connect (a
 * window of milliseconds every 30 s), and a JVM run with caching turned off, which
 * {@link #requireCaching()} refuses at startup. Jsoup's http client offers no socket hook, and
 * connecting to the checked IP with a Host header is refused by the JDK (restricted header).
 */
public final class ResolutionPinning {
    private ResolutionPinning() {
    }

    /** Seconds the JVM keeps a positive lookup: -1 forever, 0 not at all. */
    public static int positiveCacheSeconds() {
        String value = Security.getProperty("networkaddress.cache.ttl");
        if (value == null) {
            value = System.getProperty("sun.net.inetaddr.ttl");
        }
        if (value == null) {
            return 30; // the JDK's default without a security manager
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    /** Fails when the JVM does not cache lookups: the check and the connection could then see different answers. */
    public static void requireCaching() {
        if (positiveCacheSeconds() == 0) {
            throw new IllegalStateException("networkaddress.cache.ttl=0 disables the JVM address cache that pins checked "
                    + "addresses for the SSRF guard; run the crawler with a positive value (default 30)");
        }
    }
}
