package io.univinsight.crawler.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.univinsight.crawler.config.CrawlerConfig;
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.RobotsRules;

/** The fetch side of an in-process bench crawler: the crawler's defaults, loopback allowed. */
final class BenchFetching {
    static final String AGENT = "UnivInsightBot/bench (+https://github.com/univinsight/univinsight)";

    private static final CrawlerConfig.Fetch DEFAULT_LIMITS = new CrawlerConfig.Fetch() {
        public Duration timeout() {
            return Duration.ofSeconds(10);
        }

        public int maxBodyBytes() {
            return 5 << 20;
        }

        public int maxRedirects() {
            return 5;
        }
    };

    private BenchFetching() {
    }

    /** A fetcher whose SSRF guard allows the given loopback network (the bench sites' addresses). */
    static PageFetcher fetcher(String allowedNetwork) {
        return new PageFetcher(DEFAULT_LIMITS, AGENT, new AddressPolicy(List.of(allowedNetwork)), HostResolver.SYSTEM);
    }

    static RobotsRules robots(PageFetcher fetcher) {
        return new RobotsRules(fetcher, AGENT, Duration.ofHours(1), Clock.systemUTC());
    }
}
