package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.scope.UrlFilters;
import io.univinsight.crawler.service.SiteCrawl;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.extraction.ExtractionPipeline;

/** The crawl scope on a generated loopback site: depth and page limits, pagination, each URL once, the URL filter chain. */
class SiteCrawlTests {
    private static final String[] NAMES = {"Alice Smith", "Bruno Keller", "Chen Wei", "Dana Okoro", "Elif Demir", "Farid Nasser"};
    private FixtureServer site;
    private FixtureServer elsewhere;

    @BeforeEach
    void serveSite() {
        elsewhere = FixtureServer.on("127.0.0.1").html("/dept/faculty/stranger.html", profile("Gina Stranger", "/x"));
        site = FixtureServer.on("127.0.0.1").text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /dept/faculty/secret/\n");
        site.html("/dept/faculty/", directory(0, 3, "<a href=\"/dept/faculty/?page=2\">Next</a>"
                + "<a href=\"/other/faculty/\">Faculty</a><a href=\"/news/\">News</a>"
                + "<a href=\"/dept/faculty/handbook.pdf\">Faculty handbook</a>"
                + "<a href=\"" + elsewhere.base() + "/dept/faculty/stranger.html\">Gina Stranger</a>"
                + "<a href=\"/dept/faculty/secret/ghost.html\">Ghost Person</a>"
                + "<a href=\"/dept/faculty/#top\">Faculty</a>"));
        site.html("/dept/faculty/?page=2", directory(3, 6, "<a href=\"/dept/faculty/\">Previous</a>"));
        site.html("/other/faculty/", directory(0, 1, ""));
        site.html("/news/", "<html><body><h1>News</h1></body></html>");
        for (String name : NAMES) {
            String slug = slug(name);
            site.html("/dept/faculty/" + slug + ".html", profile(name, "/dept/faculty/" + slug + "/publications.html"));
            site.html("/dept/faculty/" + slug + "/publications.html", "<html><body><h1>Publications of " + name + "</h1><ul>"
                    + "<li>" + name + ", A. Coauthor. <i>Crawling politely at scale</i>. In Proc. WWW, 2023.</li></ul></body></html>");
        }
    }

    @AfterEach
    void stop() {
        site.close();
        elsewhere.close();
    }

    @Test
    void depthZeroFetchesTheStartPageOnly() throws Exception {
        SiteCrawl.Outcome outcome = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/dept/faculty/", 0, 50));
        assertEquals(1, outcome.pagesFetched());
        assertEquals(3, outcome.professors().size(), outcome.professors().toString());
    }

    @Test
    void depthOneFollowsPaginationAndProfilesOnceWithinScope() throws Exception {
        SiteCrawl.Outcome outcome = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/dept/faculty/", 1, 50));
        assertEquals(8, outcome.pagesFetched(), "two directory pages and six profiles: " + paths());
        assertEquals(6, outcome.professors().size());
        assertEquals(0, site.hitsOn("/other/faculty/"), "another department's directory is out of scope");
        assertEquals(0, site.hitsOn("/news/"));
        assertEquals(0, site.hitsOn("/dept/faculty/handbook.pdf"));
        assertEquals(0, site.hitsOn("/dept/faculty/secret/ghost.html"), "robots.txt disallows it");
        assertTrue(elsewhere.hits().isEmpty(), "another site is out of scope");
        assertTrue(paths().values().stream().allMatch(n -> n == 1), "each URL once: " + paths());
        assertTrue(paths().keySet().stream().noneMatch(p -> p.endsWith("publications.html")), "publications are at depth 2");
    }

    @Test
    void depthTwoReachesPublicationPages() throws Exception {
        SiteCrawl.Outcome outcome = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/dept/faculty/", 2, 50));
        assertEquals(14, outcome.pagesFetched(), paths().toString());
        assertTrue(outcome.papers().size() >= 1, outcome.papers().toString());
    }

    @Test
    void maxPagesStopsTheCrawl() throws Exception {
        SiteCrawl.Outcome outcome = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/dept/faculty/", 2, 3));
        assertEquals(3, outcome.pagesFetched());
        assertEquals(3, site.hits().stream().filter(h -> !h.path().equals("/robots.txt")).count());
    }

    @Test
    void theFilterChainIsConfigurable() throws Exception {
        crawler(UrlFilters.of(List.of("http-only", "same-site"))).crawl(task(site.base() + "/dept/faculty/", 1, 50));
        assertEquals(1, site.hitsOn("/news/"), "without academic-links any same-site link is followed");
        assertEquals(1, site.hitsOn("/other/faculty/"), "without directory-in-start-folder other folders are followed");
        assertTrue(elsewhere.hits().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> UrlFilters.of(List.of("same-site", "no-such-filter")));
    }

    @Test
    void aStartPageDisallowedByRobotsFailsWithReasonRobots() {
        FetchFailure f = assertThrows(FetchFailure.class,
                () -> crawler(UrlFilters.defaults()).crawl(task(site.base() + "/dept/faculty/secret/ghost.html", 1, 50)));
        assertEquals("robots", f.reason());
    }

    @Test
    void theCharsetComesFromTheMetaTagWhenTheHeaderHasNone() throws Exception {
        Charset eucKr = Charset.forName("EUC-KR");
        String page;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo-site/ko/cse/professors.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("<meta charset=\"utf-8\">", "<meta charset=\"euc-kr\">");
        }
        byte[] encoded = page.getBytes(eucKr);
        site.route("/ko/professors.html", ex -> FixtureServer.sendGzip(ex, "text/html", encoded));
        SiteCrawl.Outcome outcome = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/ko/professors.html", 0, 5));
        assertTrue(outcome.professors().stream().anyMatch(p -> "김민준".equals(p.name())), outcome.professors().toString());
    }

    /** A task that found nobody says why: a page built by a script (render-needed), or no person anywhere. */
    @Test
    void aTaskThatFindsNobodySaysWhy() throws Exception {
        site.html("/lab/people/", "<html><head><title>People | Robotics Lab</title></head><body><h1>Our people</h1>"
                + "<ul id=\"people-list\"></ul><script>fetch('/lab/people.json').then(r => r.json()).then(render)</script></body></html>");
        SiteCrawl.Outcome scripted = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/lab/people/", 0, 5));
        assertEquals(0, scripted.professors().size());
        assertEquals("render-needed", scripted.emptyReason());

        SiteCrawl.Outcome news = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/news/", 0, 5));
        assertEquals("no-people-found", news.emptyReason());

        SiteCrawl.Outcome found = crawler(UrlFilters.defaults()).crawl(task(site.base() + "/dept/faculty/", 0, 5));
        assertEquals(null, found.emptyReason(), "people were found");
    }

    private Map<String, Long> paths() {
        return site.hits().stream().filter(h -> !h.path().equals("/robots.txt"))
                .collect(Collectors.groupingBy(FixtureServer.Hit::path, Collectors.counting()));
    }

    static SiteCrawl crawler(UrlFilters filters) {
        return crawler(filters, io.univinsight.crawler.pagestate.PageStates.NONE);
    }

    static SiteCrawl crawler(UrlFilters filters, io.univinsight.crawler.pagestate.PageStates pageStates) {
        PageFetcher fetcher = new PageFetcher(PageFetcherTests.limits(Duration.ofSeconds(5), 5 << 20, 5), "UnivInsightBot/test",
                new AddressPolicy(List.of("127.0.0.1/32")), HostResolver.SYSTEM);
        RobotsRules robots = new RobotsRules(fetcher, "UnivInsightBot/test", Duration.ofHours(1), Clock.systemUTC());
        return new SiteCrawl(fetcher, robots, new HostThrottle(1), io.univinsight.crawler.fetch.PolitenessDelays.uniform(Duration.ofMillis(1)),
                ExtractionPipeline.defaults(), filters, pageStates);
    }

    static CrawlTask task(String url, int maxDepth, int maxPages) {
        return new CrawlTask(1, UUID.randomUUID().toString(), url, "Test University", "Computer Science", Priority.NORMAL,
                maxDepth, maxPages, Instant.now(), 1, null);
    }

    private static String slug(String name) {
        return name.toLowerCase().replace(' ', '-');
    }

    private static String directory(int from, int to, String extra) {
        StringBuilder sb = new StringBuilder("<html><head><title>Faculty | Computer Science</title></head><body><h1>Faculty</h1>"
                + "<ul class=\"people\">");
        for (int i = from; i < to; i++) {
            String name = NAMES[i];
            sb.append("<li class=\"person\"><a href=\"/dept/faculty/").append(slug(name)).append(".html\">").append(name)
                    .append("</a><span class=\"title\">Professor</span> <a href=\"mailto:").append(slug(name))
                    .append("@test.example.edu\">").append(slug(name)).append("@test.example.edu</a></li>");
        }
        return sb.append("</ul>").append(extra).append("</body></html>").toString();
    }

    private static String profile(String name, String publications) {
        return "<html><head><title>" + name + "</title></head><body><h1>" + name + "</h1><p class=\"title\">Professor</p>"
                + "<p>Email: " + slug(name) + "@test.example.edu</p><a href=\"" + publications + "\">Publications</a></body></html>";
    }
}
