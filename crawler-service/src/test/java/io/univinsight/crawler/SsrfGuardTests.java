package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.univinsight.crawler.cli.GuardMain;
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.SsrfGuard;

/** The guard's verdicts, by resolution through a test resolver only: nothing here connects anywhere. */
class SsrfGuardTests {
    private final AtomicInteger lookups = new AtomicInteger();

    private SsrfGuard guardResolvingTo(String address) {
        HostResolver resolver = host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName(address)};
        };
        return new SsrfGuard(new AddressPolicy(List.of()), resolver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/", "http://0x7f000001/", "http://127.1/",
            "http://017700000001/", "http://10.0x0.0.1/", "http://0/"})
    void ipv4LiteralsInOtherNotationsAreRefusedUnresolved(String url) {
        FetchFailure f = assertThrows(FetchFailure.class, () -> guardResolvingTo("93.184.216.34").check(url));
        assertEquals("ambiguous-ip-literal", f.reason(), url);
        assertFalse(f.isTransient());
        assertEquals(0, lookups.get(), "no lookup for " + url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::127.0.0.2]/", "http://[64:ff9b::7f00:2]/", "http://[2002:7f00:2::1]/", "http://[::ffff:0:7f00:2]/",
            "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "http://198.18.0.1/"})
    void wrappedAndReservedAddressesAreRefusedByVerdict(String url) {
        String host = url.replaceAll("^http://\\[?([^\\]/]+)\\]?/.*$", "$1");
        FetchFailure f = assertThrows(FetchFailure.class, () -> guardResolvingTo(host).check(url));
        assertEquals("blocked-address", f.reason(), url);
    }

    @Test
    void aDottedDecimalPublicAddressAndANamePass() throws Exception {
        assertEquals(List.of(InetAddress.getByName("93.184.216.34")), guardResolvingTo("93.184.216.34").check("http://93.184.216.34/"));
        assertEquals(1, guardResolvingTo("93.184.216.34").check("https://www.example.edu/people").size());
        assertEquals(List.of(InetAddress.getByName("93.184.216.34")), guardResolvingTo("93.184.216.34").check("http://0x7f.example.edu/"),
                "a name that only starts like a number is a name");
    }

    @Test
    void theCommandLineSaysTheVerdictAndTheReason() {
        GuardMain.Verdict refused = GuardMain.verdict(guardResolvingTo("169.254.169.254"), "http://metadata.invalid/", List.of());
        assertFalse(refused.allowed());
        assertTrue(refused.line().startsWith("refused (blocked-address): metadata.invalid resolves to link-local address 169.254.169.254"),
                refused.line());
        GuardMain.Verdict allowed = GuardMain.verdict(guardResolvingTo("93.184.216.34"), "https://www.example.edu/", List.of());
        assertTrue(allowed.allowed());
        assertEquals("allowed: https://www.example.edu/ resolves to [93.184.216.34]", allowed.line());
    }
}
