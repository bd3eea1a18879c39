package io.univinsight.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SSRF guard's rule: which resolved addresses may be fetched. Loopback, private,
 * link-local (cloud metadata at 169.254.169.254 included), unique-local, multicast,
 * unspecified, carrier-grade NAT, benchmarking (198.18.0.0/15) and reserved addresses are
 * refused unless an allowed network holds them, and so is an IPv6 address that carries one of
 * them inside (IPv4-mapped, IPv4-compatible, SIIT, NAT64, 6to4), as is NAT64's local-use prefix.
 */
public final class AddressPolicy {
    private final List<Cidr> allowed;

    public AddressPolicy(List<String> allowedNetworks) {
        List<Cidr> parsed = new ArrayList<>();
        for (String cidr : allowedNetworks) {
            parsed.add(Cidr.parse(cidr.trim()));
        }
        this.allowed = List.copyOf(parsed);
    }

    /** Null when the address may be fetched, else why not. */
    public String refusal(InetAddress address) {
        for (Cidr cidr : allowed) {
            if (cidr.contains(address)) {
                return null;
            }
        }
        String kind = blockedKind(address);
        return kind == null ? null : kind + " address " + address.getHostAddress();
    }

    static String blockedKind(InetAddress a) {
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return "carrier-grade NAT";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "benchmarking";
            }
            if (first == 0 || first >= 240) {
                return "reserved";
            }
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && u16(b, 4) == 1) {
                // 64:ff9b:1::/48 (RFC 8215) is for translators inside one network: never a public destination.
                return "NAT64 local-use";
            }
            EmbeddedIpv4 embedded = embeddedIpv4(b);
            if (embedded != null) {
                try {
                    String inner = blockedKind(InetAddress.getByAddress(embedded.address()));
                    return inner == null ? null : embedded.form() + " " + inner;
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
        }
        return null;
    }

    /** An IPv4 address carried inside an IPv6 one, and the form that carries it. */
    private record EmbeddedIpv4(String form, byte[] address) {
    }

    /**
     * The IPv4 address inside an IPv6 address that a host, translator or relay would turn into an
     * IPv4 packet: IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96, SIIT ::ffff:0:0:0/96, NAT64
     * 64:ff9b::/96 (RFC 6052) and 6to4 2002::/16 (RFC 3056). On a network with NAT64 or 6to4
     * these reach the IPv4 address, so they are judged by it.
     */
    private static EmbeddedIpv4 embeddedIpv4(byte[] b) {
        if (zero(b, 0, 10) && u16(b, 10) == 0xffff) {
            return new EmbeddedIpv4("IPv4-mapped", Arrays.copyOfRange(b, 12, 16));
        }
        if (zero(b, 0, 12)) {
            return new EmbeddedIpv4("IPv4-compatible", Arrays.copyOfRange(b, 12, 16));
        }
        if (zero(b, 0, 8) && u16(b, 8) == 0xffff && u16(b, 10) == 0) {
            return new EmbeddedIpv4("IPv4-translated (SIIT)", Arrays.copyOfRange(b, 12, 16));
        }
        if (u16(b, 0) == 0x64 && u16(b, 2) == 0xff9b && zero(b, 4, 12)) {
            return new EmbeddedIpv4("NAT64", Arrays.copyOfRange(b, 12, 16));
        }
        if (u16(b, 0) == 0x2002) {
            return new EmbeddedIpv4("6to4", Arrays.copyOfRange(b, 2, 6));
        }
        return null;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    /** An address block such as 127.0.0.1/32 or fd00::/8. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8;
                return new Cidr(address, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: " + text);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < a.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((a[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
