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
 * transient failure of the task. Only the first maxBytes of a robots.txt are read (a 10 MB one
 * would otherwise cost a full body download and a parse into tens of thousands of rules checked
 * for every URL); the rules after the cut are ignored, as Google ignores them past 500 KiB.
 */
public class RobotsRules {
    private final PageFetcher fetcher;
    private final String agentName;
    private final Duration ttl;
    private final Clock clock;
    private final int maxBytes;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(BaseRobotRules rules, Instant expires) {
    }

    /** Default robots.txt size limit: 500 KiB, as Google reads (RFC 9309 asks crawlers to parse at least that). */
    public static final int DEFAULT_MAX_BYTES = 512 * 1024;

    public RobotsRules(PageFetcher fetcher, String userAgent, Duration ttl, Clock clock) {
        this(fetcher, userAgent, ttl, clock, DEFAULT_MAX_BYTES);
    }

    /** maxBytes: only this much of a robots.txt is read; the rest of a huge one is ignored (not downloaded). */
    public RobotsRules(PageFetcher fetcher, String userAgent, Duration ttl, Clock clock, int maxBytes) {
        this.maxBytes = maxBytes;
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
            FetchedPage page = fetcher.fetch(robotsUrl, maxBytes);
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
