package io.univinsight.crawler.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The least time between two requests to one server (host:port): the configured delay, or a
 * shorter one for the servers named as our own (the local demo site), never for every server.
 */
public final class PolitenessDelays {
    private final Duration standard;
    private final Set<String> ownServers;
    private final Duration ownServerDelay;

    public PolitenessDelays(Duration standard, List<String> ownServers, Duration ownServerDelay) {
        this.standard = standard;
        this.ownServers = ownServers.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.ownServerDelay = ownServerDelay;
    }

    /** One delay for every server (tests, benchmarks). */
    public static PolitenessDelays uniform(Duration delay) {
        return new PolitenessDelays(delay, List.of(), delay);
    }

    /** @param server "host:port", as {@code CrawlScope.serverOf} gives it */
    public Duration delayFor(String server) {
        return ownServers.contains(server.toLowerCase(Locale.ROOT)) ? ownServerDelay : standard;
    }
}
