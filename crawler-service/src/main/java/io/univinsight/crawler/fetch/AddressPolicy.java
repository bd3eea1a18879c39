package io.univinsight.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSRF guard's rule: which resolved addresses may be fetched. Loopback, private,
 * link-local (cloud metadata at 169.254.169.254 included), unique-local, multicast,
 * unspecified and carrier-grade NAT addresses are refused unless an allowed network holds them.
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
            if (first == 0 || first >= 240) {
                return "reserved";
            }
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "unique-local";
            }
            if (isIpv4Mapped(b)) {
                try {
                    InetAddress v4 = InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
                    String inner = blockedKind(v4);
                    return inner == null ? null : "IPv4-mapped " + inner;
                } catch (UnknownHostException e) {
                    return "malformed";
                }
            }
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
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
