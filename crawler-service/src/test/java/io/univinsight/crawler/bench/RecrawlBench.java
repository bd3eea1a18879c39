package io.univinsight.crawler.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.PolitenessDelays;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.pagestate.PageStateStore;
import io.univinsight.crawler.pagestate.PublishedPageStates;
import io.univinsight.crawler.scope.UrlFilters;
import io.univinsight.crawler.service.SiteCrawl;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.extraction.ExtractionPipeline;

/**
 * First crawl vs unchanged recrawl of the fixture site of ../shared/bench/fixture_hosts.mjs (started
 * by bench/recrawl/run.sh), in process: the real crawl stages (SSRF guard, robots.txt, per-host
 * throttle with no delay, Jsoup fetch, extraction, URL filters) with the real RocksDB page-state
 * store; Kafka is not in the loop (the states go to the local store only). One task per start URL
 * (maxDepth 1), 32 in flight. Fresh stages per crawl (robots.txt fetched again), the same store.
 * Prints time and the fixture's /__stats deltas (200s, 304s, bytes) for both, and the ratios.
 * Arguments: start URLs.
 */
public final class RecrawlBench {
    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\":(\\d+)");

    public static void main(String[] starts) throws Exception {
        Path dir = Files.createTempDirectory("recrawl-bench");
        HttpClient http = HttpClient.newHttpClient();
        String stats = URI.create(starts[0]).resolve("/__stats").toString();
        ExecutorService workers = Executors.newFixedThreadPool(32);
        try (PageStateStore store = PageStateStore.open(dir)) {
            PublishedPageStates states = new PublishedPageStates(store, new PublishedPageStates.Topic() {
                @Override
                public void send(String url, byte[] json) {
                }

                @Override
                public void flush() {
                }
            });
            System.out.printf("in-process crawler (real crawl stages + RocksDB page-state store, no Kafka), %d tasks, concurrency 32%n", starts.length);
            Run first = run("first crawl", starts, states, workers, http, stats);
            Run second = run("recrawl    ", starts, states, workers, http, stats);
            System.out.printf("recrawl/first: time %.3f (goal <= 0.200), bytes %.4f (goal <= 0.100, i.e. >= 90%% fewer)%n",
                    second.seconds / first.seconds, (double) second.bytes / first.bytes);
        } finally {
            workers.shutdownNow();
        }
    }

    private record Run(double seconds, long bytes) {
    }

    private static Run run(String name, String[] starts, PublishedPageStates states, ExecutorService workers, HttpClient http, String stats)
            throws Exception {
        long[] before = stats(http, stats);
        SiteCrawl crawl = crawler(states);
        Instant started = Instant.now();
        List<Future<SiteCrawl.Outcome>> outcomes = new ArrayList<>();
        for (String start : starts) {
            CrawlTask task = new CrawlTask(1, UUID.randomUUID().toString(), start, "Fixture University", null, Priority.NORMAL, 1, 10_000,
                    Instant.now(), 1, null);
            outcomes.add(workers.submit(() -> crawl.crawl(task)));
        }
        long pages = 0;
        long hits = 0;
        long professors = 0;
        long papers = 0;
        for (Future<SiteCrawl.Outcome> f : outcomes) {
            SiteCrawl.Outcome o = f.get();
            pages += o.pagesFetched();
            hits += o.cacheHits();
            professors += o.professors().size();
            papers += o.papers().size();
        }
        double seconds = Duration.between(started, Instant.now()).toNanos() / 1e9;
        long[] after = stats(http, stats);
        long bytes = after[3] - before[3];
        System.out.printf("%s: %d pages in %.2f s (%.0f pages/s), %d cache hits; %d professors, %d papers; fixture: %d x 200, %d x 304, %,d bytes%n",
                name, pages, seconds, pages / seconds, hits, professors, papers, after[0] - before[0], after[2] - before[2], bytes);
        return new Run(seconds, bytes);
    }

    /** served, notFound, notModified, bytes. */
    private static long[] stats(HttpClient http, String url) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        long[] out = new long[4];
        Matcher m = NUMBER.matcher(body);
        while (m.find()) {
            switch (m.group(1)) {
                case "served" -> out[0] = Long.parseLong(m.group(2));
                case "notFound" -> out[1] = Long.parseLong(m.group(2));
                case "notModified" -> out[2] = Long.parseLong(m.group(2));
                case "bytes" -> out[3] = Long.parseLong(m.group(2));
                default -> {
                }
            }
        }
        return out;
    }

    private static SiteCrawl crawler(PublishedPageStates states) {
        PageFetcher fetcher = BenchFetching.fetcher("127.0.0.0/8");
        RobotsRules robots = BenchFetching.robots(fetcher);
        return new SiteCrawl(fetcher, robots, new HostThrottle(1), PolitenessDelays.uniform(Duration.ZERO), ExtractionPipeline.defaults(),
                UrlFilters.defaults(), states);
    }
}
