package io.univinsight.crawler.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * robots.txt per host, parsed by crawler-commons and cached with a TTL. A missing file (4xx)
 * allows everything; a server error disallows the host for now; an unreachable host is a
 * transient failure of the task.
 */
public class RobotsRules {
    private final PageFetcher fetcher;
    private final String agentName;
    private final Duration ttl;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(BaseRobotRules rules, Instant expires) {
    }

    public RobotsRules(PageFetcher fetcher, String userAgent, Duration ttl, Clock clock) {
        this.fetcher = fetcher;
        this.agentName = userAgent.split("[/ ]")[0].toLowerCase(Locale.ROOT);
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The rules of url's host, fetching robots.txt at most once per TTL. */
    public BaseRobotRules rulesFor(String url) throws FetchFailure {
        URI uri = URI.create(url);
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Cached cached = cache.get(origin);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.rules();
        }
        BaseRobotRules rules = fetchRules(origin + "/robots.txt");
        cache.put(origin, new Cached(rules, clock.instant().plus(ttl)));
        return rules;
    }

    private BaseRobotRules fetchRules(String robotsUrl) throws FetchFailure {
        try {
            FetchedPage page = fetcher.fetch(robotsUrl);
            return parser.parseContent(robotsUrl, page.body(), page.contentType(), List.of(agentName));
        } catch (FetchFailure f) {
            if (f.httpStatus() >= 400) {
                return parser.failedFetch(f.httpStatus());
            }
            if (f.isTransient()) {
                throw FetchFailure.transientFailure("robots-unavailable", robotsUrl + " (" + f.getMessage() + ")");
            }
            throw f;
        }
    }

    /** Crawl-delay of these rules, or zero when unset. */
    public static Duration crawlDelay(BaseRobotRules rules) {
        long ms = rules.getCrawlDelay();
        return ms > 0 ? Duration.ofMillis(ms) : Duration.ZERO;
    }
}
