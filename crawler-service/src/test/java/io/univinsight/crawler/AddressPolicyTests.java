package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.univinsight.crawler.fetch.AddressPolicy;

class AddressPolicyTests {
    private final AddressPolicy strict = new AddressPolicy(List.of());

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback", "127.0.0.2, loopback", "::1, loopback",
            "10.1.2.3, private", "172.16.0.1, private", "192.168.1.1, private",
            "169.254.169.254, link-local", "fe80::1, link-local",
            "fd00::1, unique-local", "224.0.0.1, multicast", "ff02::1, multicast",
            "0.0.0.0, unspecified", "100.64.0.1, carrier-grade NAT", "::ffff:10.0.0.1, private",
            "198.18.0.1, benchmarking", "198.19.255.254, benchmarking",
            // IPv4 inside IPv6: judged by the IPv4 address a translator or relay would reach
            "::127.0.0.2, IPv4-compatible loopback", "::10.0.0.1, IPv4-compatible private",
            "::ffff:0:7f00:1, SIIT) loopback", "::ffff:0:a9fe:a9fe, SIIT) link-local",
            "64:ff9b::7f00:1, NAT64 loopback", "64:ff9b::a9fe:a9fe, NAT64 link-local", "64:ff9b::c0a8:101, NAT64 private",
            "64:ff9b:1::5db8:d822, NAT64 local-use", "64:ff9b:1:ffff::1, NAT64 local-use",
            "2002:7f00:1::1, 6to4 loopback", "2002:a00:1::1, 6to4 private", "2002:a9fe:a9fe::, 6to4 link-local"})
    void blockedClassesAreRefusedWithTheirKind(String address, String kind) throws Exception {
        String refusal = strict.refusal(InetAddress.getByName(address));
        assertNotNull(refusal, address);
        assertTrue(refusal.contains(kind), refusal);
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertNull(strict.refusal(InetAddress.getByName("93.184.216.34")));
        assertNull(strict.refusal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
        assertNull(strict.refusal(InetAddress.getByName("64:ff9b::5db8:d822")), "NAT64 of a public address");
        assertNull(strict.refusal(InetAddress.getByName("2002:5db8:d822::1")), "6to4 of a public address");
    }

    @Test
    void anAllowListOpensExactlyItsBlock() throws Exception {
        AddressPolicy demo = new AddressPolicy(List.of("127.0.0.1/32"));
        assertNull(demo.refusal(InetAddress.getByName("127.0.0.1")));
        assertNotNull(demo.refusal(InetAddress.getByName("127.0.0.2")));
        assertNotNull(demo.refusal(InetAddress.getByName("10.0.0.1")));
    }
}
