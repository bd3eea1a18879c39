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
            "0.0.0.0, unspecified", "100.64.0.1, carrier-grade NAT", "::ffff:10.0.0.1, private"})
    void blockedClassesAreRefusedWithTheirKind(String address, String kind) throws Exception {
        String refusal = strict.refusal(InetAddress.getByName(address));
        assertNotNull(refusal, address);
        assertTrue(refusal.contains(kind), refusal);
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertNull(strict.refusal(InetAddress.getByName("93.184.216.34")));
        assertNull(strict.refusal(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
    }

    @Test
    void anAllowListOpensExactlyItsBlock() throws Exception {
        AddressPolicy demo = new AddressPolicy(List.of("127.0.0.1/32"));
        assertNull(demo.refusal(InetAddress.getByName("127.0.0.1")));
        assertNotNull(demo.refusal(InetAddress.getByName("127.0.0.2")));
        assertNotNull(demo.refusal(InetAddress.getByName("10.0.0.1")));
    }
}
