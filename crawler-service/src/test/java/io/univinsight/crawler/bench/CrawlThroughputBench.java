package io.univinsight.crawler.bench;

import io.univinsight.extraction.bench.BenchPages;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.sun.net.httpserver.HttpServer;

import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.PolitenessDelays;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.pagestate.PageStates;
import io.univinsight.crawler.render.HeadlessBrowser;
import io.univinsight.crawler.render.RenderHosts;
import io.univinsight.crawler.render.RenderSettings;
import io.univinsight.crawler.service.PageRendering;
import io.univinsight.crawler.scope.UrlFilters;
import io.univinsight.crawler.service.SiteCrawl;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.events.RenderMode;
import io.univinsight.extraction.ExtractionPipeline;

/**
 * Crawl throughput of one instance: pages per second fetched, parsed and extracted by the real
 * crawl stages (SSRF check, robots.txt, per-host throttle, Jsoup fetch, extraction chain, URL
 * filters) with 32 tasks in flight, against a generated site of many hosts (one port each) on
 * loopback, served by this process. Politeness is relaxed (no delay) for the loopback hosts;
 * each host still gets one connection at a time. Kafka is not in the loop (one task is ~55 pages;
 * its three events cost milliseconds). Arguments: hosts, profiles per host, rounds, extractor chain (comma-separated).
 * With -Dbench.render=auto the crawl has a headless Chromium behind it and every task says render: auto,
 * as in the service: the site's pages are static, so the browser should never be used and the figure
 * should not drop (each round prints the pages rendered).
 */
public final class CrawlThroughputBench {
    private static final int PER_PAGE = 10;

    public static void main(String[] args) throws Exception {
        int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int profiles = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> extractors = args.length > 3 ? List.of(args[3].split(",")) : ExtractionPipeline.defaults().extractorNames();
        int concurrency = 32;
        boolean withBrowser = "auto".equals(System.getProperty("bench.render"));
        HeadlessBrowser browser = withBrowser ? new HeadlessBrowser(new RenderSettings(Optional.empty(), Optional.empty(),
                Duration.ofSeconds(15), 10 << 20, 1L << 30, "UnivInsightBot/bench", RenderSettings.DEFAULT_QUIET_PERIOD)) : null;
        int directoryPages = (profiles + PER_PAGE - 1) / PER_PAGE;

        Map<String, byte[]> site = generate(profiles, directoryPages);
        long siteBytes = site.values().stream().mapToLong(b -> b.length).sum();
        ExecutorService serverThreads = Executors.newFixedThreadPool(8);
        List<HttpServer> servers = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(serverThreads);
            server.createContext("/", ex -> {
                String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
                byte[] body = site.get(path);
                try (ex) {
                    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    if (body == null) {
                        ex.sendResponseHeaders(404, -1);
                    } else {
                        ex.sendResponseHeaders(200, body.length);
                        ex.getResponseBody().write(body);
                    }
                }
            });
            server.start();
            servers.add(server);
        }
        int pagesPerHost = profiles + directoryPages;
        System.out.printf("site: %d hosts x %d pages = %d pages, %.1f KB average page, concurrency %d, extractors %s%n", hosts,
                pagesPerHost, hosts * pagesPerHost, siteBytes / 1024.0 / site.size(), concurrency, extractors);

        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        try {
            for (int round = 0; round <= rounds; round++) {
                // Fresh stages each round: robots.txt and throttle state start empty, as on a new crawl.
                SiteCrawl crawl = crawler(extractors, browser == null ? PageRendering.NONE
                        : new PageRendering(browser, new RenderHosts(1000), PageRendering.RenderMeter.NONE));
                Instant started = Instant.now();
                List<Future<SiteCrawl.Outcome>> outcomes = new ArrayList<>();
                for (HttpServer server : servers) {
                    CrawlTask task = new CrawlTask(1, UUID.randomUUID().toString(), "http://127.0.0.1:" + server.getAddress().getPort()
                            + "/cs/faculty/", "Bench University", "Computer Science", Priority.NORMAL, 1, 10_000, Instant.now(), 1, null,
                            RenderMode.AUTO);
                    outcomes.add(workers.submit(() -> crawl.crawl(task)));
                }
                long pages = 0;
                long professors = 0;
                long fetchMs = 0;
                long parseMs = 0;
                long bytes = 0;
                long rendered = 0;
                for (Future<SiteCrawl.Outcome> f : outcomes) {
                    SiteCrawl.Outcome o = f.get();
                    pages += o.pagesFetched();
                    professors += o.professors().size();
                    fetchMs += o.fetchMs();
                    parseMs += o.parseMs();
                    bytes += o.bytes();
                    rendered += o.pagesRendered();
                }
                double seconds = Duration.between(started, Instant.now()).toNanos() / 1e9;
                System.out.printf("%s: %d pages in %.2f s = %.0f pages/s (%.1f MB/s); %d professors (expected %d); "
                                + "per page: fetch %.1f ms, parse+extract %.1f ms (summed over %d threads); rendered %s%n",
                        round == 0 ? "warm-up " : "round " + round, pages, seconds, pages / seconds, bytes / seconds / 1e6,
                        professors, (long) hosts * profiles, (double) fetchMs / pages, (double) parseMs / pages, concurrency,
                        browser == null ? "- (no browser)" : rendered + " pages");
            }
        } finally {
            if (browser != null) {
                browser.close();
            }
            workers.shutdownNow();
            servers.forEach(s -> s.stop(0));
            serverThreads.shutdownNow();
        }
    }

    private static Map<String, byte[]> generate(int profiles, int directoryPages) {
        Map<String, byte[]> site = new HashMap<>();
        List<BenchPages.Person> people = BenchPages.people(profiles, 42);
        for (int page = 1; page <= directoryPages; page++) {
            List<BenchPages.Person> onPage = people.subList((page - 1) * PER_PAGE, Math.min(profiles, page * PER_PAGE));
            site.put(BenchPages.pageUrl(page), BenchPages.directory(onPage, page, directoryPages, 42).getBytes(StandardCharsets.UTF_8));
        }
        for (BenchPages.Person p : people) {
            site.put("/cs/faculty/people/" + p.slug() + ".html", BenchPages.profile(p, 42).getBytes(StandardCharsets.UTF_8));
        }
        return site;
    }

    private static SiteCrawl crawler(List<String> extractors, PageRendering rendering) {
        PageFetcher fetcher = BenchFetching.fetcher("127.0.0.1/32");
        RobotsRules robots = BenchFetching.robots(fetcher);
        return new SiteCrawl(fetcher, robots, new HostThrottle(1), PolitenessDelays.uniform(Duration.ZERO), ExtractionPipeline.of(extractors),
                UrlFilters.defaults(), PageStates.NONE, rendering);
    }
}
