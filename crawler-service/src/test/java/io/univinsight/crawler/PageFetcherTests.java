package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.univinsight.crawler.config.CrawlerConfig;
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.PageFetcher;

/** SSRF refusals decided by resolution alone: no packet leaves for a blocked address. */
class PageFetcherTests {
    private static final CrawlerConfig.Fetch LIMITS = new CrawlerConfig.Fetch() {
        public Duration timeout() {
            return Duration.ofSeconds(2);
        }

        public int maxBodyBytes() {
            return 1024;
        }

        public int maxRedirects() {
            return 5;
        }
    };

    private final AtomicInteger lookups = new AtomicInteger();

    private PageFetcher fetcherResolvingTo(String address) {
        HostResolver resolver = host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName(address)};
        };
        return new PageFetcher(LIMITS, "test", new AddressPolicy(List.of()), resolver);
    }

    @Test
    void aNameResolvingToAPrivateAddressIsRefusedBeforeAnyConnection() {
        FetchFailure f = assertThrows(FetchFailure.class, () -> fetcherResolvingTo("10.20.30.40").fetch("http://intranet.example.edu/"));
        assertEquals("blocked-address", f.reason());
        assertEquals(1, lookups.get());
    }

    @Test
    void cloudMetadataIsRefused() {
        FetchFailure f = assertThrows(FetchFailure.class, () -> fetcherResolvingTo("169.254.169.254").fetch("http://metadata.example/latest"));
        assertEquals("blocked-address", f.reason());
    }

    @Test
    void otherSchemesAndCredentialsAreRefusedWithoutResolving() {
        PageFetcher fetcher = fetcherResolvingTo("93.184.216.34");
        assertEquals("blocked-scheme", assertThrows(FetchFailure.class, () -> fetcher.fetch("file:///etc/passwd")).reason());
        assertEquals("blocked-scheme", assertThrows(FetchFailure.class, () -> fetcher.fetch("gopher://example.edu/")).reason());
        assertEquals("credentials-in-url", assertThrows(FetchFailure.class, () -> fetcher.fetch("http://user:pw@example.edu/")).reason());
        assertEquals(0, lookups.get());
    }
}
