package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.PolitenessDelays;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.events.PageState;
import io.univinsight.crawler.pagestate.PageStates;
import io.univinsight.crawler.render.ChromiumLocator;
import io.univinsight.crawler.render.HeadlessBrowser;
import io.univinsight.crawler.render.RenderHosts;
import io.univinsight.crawler.render.RenderSettings;
import io.univinsight.crawler.scope.UrlFilters;
import io.univinsight.crawler.service.PageRendering;
import io.univinsight.crawler.service.SiteCrawl;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.events.RenderMode;
import io.univinsight.extraction.ExtractionPipeline;

/**
 * The render stage in a real headless Chromium on loopback sites served by the test: render
 * auto, always and never on a directory built by a script from JSON; every request of a rendered
 * page through the crawler's SSRF guard (127.0.0.2 stands in for an internal host and gets
 * nothing); a page that never loads ends as render-timeout; a hung browser is killed and
 * replaced; a browser over its memory cap is replaced. Skipped when no Chromium is installed.
 */
class RenderIT {
    private static final String[][] PEOPLE = {
            {"Akira Tanaka", "Professor", "tanaka"}, {"Beatriz Lopes", "Associate Professor", "lopes"},
            {"Carl Jensen", "Assistant Professor", "jensen"}};
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(4);
    private static HeadlessBrowser browser;
    private FixtureServer site;
    private FixtureServer internal;

    @BeforeAll
    static void startBrowser() {
        Assumptions.assumeTrue(ChromiumLocator.find(Optional.empty()).isPresent(),
                "no chromium on the PATH (Debian: apt-get install chromium): the render tests are skipped");
        browser = browser(Long.MAX_VALUE);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void serve() {
        internal = FixtureServer.on("127.0.0.2").text("/secret.json", "application/json", "{\"secret\":\"internal-only-token\"}")
                .text("/pixel.png", "image/png", "x");
        site = FixtureServer.on("127.0.0.1").text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
        site.html("/dept/people/", shell("Faculty", "<ul id=\"faculty-list\"></ul>", "/dept/people/list.js"));
        site.text("/dept/people/list.js", "application/javascript", """
                fetch('/dept/people/people.json').then(r => r.json()).then(people => {
                  const list = document.getElementById('faculty-list');
                  for (const p of people) {
                    const li = document.createElement('li');
                    li.className = 'person';
                    li.innerHTML = '<a href="/dept/people/' + p.slug + '.html">' + p.name + '</a> <span class="title">' + p.title
                        + '</span> <a href="mailto:' + p.slug + '@render.example.edu">' + p.slug + '@render.example.edu</a>';
                    list.appendChild(li);
                  }
                });
                """);
        site.text("/dept/people/people.json", "application/json", peopleJson());
        // A page built by a script that shows no sign of it in its HTML: only a host known to need the browser renders it.
        site.html("/dept/people/visiting.html", "<html><head><title>Visitors</title></head><body><div id=\"x\"></div>"
                + "<script src=\"/dept/people/visiting.js\"></script></body></html>");
        site.text("/dept/people/visiting.js", "application/javascript",
                "document.getElementById('x').innerHTML = '<h1>Visiting faculty</h1><ul>" + person("Dora Hale", "hale")
                        + person("Emil Guest", "guest") + "</ul>';");
        site.html("/static/", "<html><head><title>Faculty</title></head><body><h1>Faculty</h1><ul>"
                + person("Ed Static", "ed") + person("Fay Plain", "plain") + "</ul></body></html>");
        site.html("/dept/probe/", shell("Faculty", "<ul id=\"faculty-list\"></ul>", "/dept/probe/probe.js")
                .replace("</body>", "<img src=\"" + internal.base() + "/pixel.png\"></body>"));
        site.text("/dept/probe/probe.js", "application/javascript", """
                const list = document.getElementById('faculty-list');
                const say = text => { const li = document.createElement('li'); li.textContent = text; list.appendChild(li); };
                fetch('%s/secret.json').then(r => r.text()).then(t => say('got ' + t), e => say('refused'));
                fetch('/dept/probe/echo', {method: 'POST', body: 'x'}).then(r => say('posted'), e => say('post refused'));
                fetch('/private/data.json').then(r => say('private ' + r.status), e => say('private refused'));
                try { const ws = new WebSocket('ws://127.0.0.2:%d/'); ws.onopen = () => say('ws open'); } catch (e) { say('ws refused'); }
                """.formatted(internal.base(), internal.port()));
        site.text("/dept/probe/echo", "text/plain", "echo");
        site.text("/private/data.json", "application/json", "{}");
        site.html("/dept/endless/", "<html><head><title>Faculty</title></head><body><ul id=\"faculty-list\"></ul>"
                + "<script>fetch('/x.json'); while (true) {}</script></body></html>");
    }

    @AfterEach
    void stop() {
        site.close();
        internal.close();
    }

    @Test
    void autoRendersAScriptBuiltDirectoryAndNeverDoesNot() throws Exception {
        SiteCrawl.Outcome never = crawl(rendering(), "/dept/people/", RenderMode.NEVER, 0);
        assertEquals(0, never.professors().size());
        assertEquals(CrawlResult.EMPTY_RENDER_DISABLED, never.emptyReason());
        assertEquals(0, never.pagesRendered());
        assertEquals(0, site.hitsOn("/dept/people/people.json"), "render: never runs no script");

        SiteCrawl.Outcome auto = crawl(rendering(), "/dept/people/", RenderMode.AUTO, 0);
        assertEquals(List.of("Akira Tanaka", "Beatriz Lopes", "Carl Jensen"), names(auto), auto.professors().toString());
        assertEquals("tanaka@render.example.edu", auto.professors().get(0).email());
        assertNull(auto.emptyReason());
        assertEquals(1, auto.pagesRendered());
        assertTrue(auto.renderMs() > 0, "the render time is counted");
    }

    /** A page state kept by a task that did not render must not stand in for the page when a later task may render it. */
    @Test
    void aScriptBuiltPageLeftUnrenderedIsFetchedAgainByALaterTaskThatRenders() throws Exception {
        Map<String, PageState> remembered = new java.util.concurrent.ConcurrentHashMap<>();
        PageStates states = new PageStates() {
            @Override
            public Optional<PageState> find(String url) {
                return Optional.ofNullable(remembered.get(url));
            }

            @Override
            public void remember(PageState state) {
                remembered.put(state.url(), state);
            }
        };
        SiteCrawl.Outcome never = crawl(rendering(), states, "/dept/people/", RenderMode.NEVER, 0);
        assertEquals(CrawlResult.EMPTY_RENDER_DISABLED, never.emptyReason());
        SiteCrawl.Outcome auto = crawl(rendering(), states, "/dept/people/", RenderMode.AUTO, 0);
        assertEquals(0, auto.cacheHits(), "the unrendered page's state is no cache hit");
        assertEquals(List.of("Akira Tanaka", "Beatriz Lopes", "Carl Jensen"), names(auto));
        assertEquals(1, auto.pagesRendered());
    }

    @Test
    void autoLeavesStaticPagesAloneAndAlwaysRendersThem() throws Exception {
        SiteCrawl.Outcome auto = crawl(rendering(), "/static/", RenderMode.AUTO, 0);
        assertEquals(List.of("Ed Static", "Fay Plain"), names(auto));
        assertEquals(0, auto.pagesRendered(), "a page that gave people without a browser never touches it");

        SiteCrawl.Outcome always = crawl(rendering(), "/static/", RenderMode.ALWAYS, 0);
        assertEquals(List.of("Ed Static", "Fay Plain"), names(always));
        assertEquals(1, always.pagesRendered());
    }

    @Test
    void aHostThatNeededTheBrowserHasItsLaterPagesRenderedFirst() throws Exception {
        SiteCrawl.Outcome unknownHost = crawl(rendering(), "/dept/people/visiting.html", RenderMode.AUTO, 0);
        assertEquals(0, unknownHost.professors().size(), "its HTML shows no sign of a script-built page");
        assertEquals(0, unknownHost.pagesRendered());

        PageRendering remembering = rendering();
        crawl(remembering, "/dept/people/", RenderMode.AUTO, 0); // a render found people on this host
        SiteCrawl.Outcome knownHost = crawl(remembering, "/dept/people/visiting.html", RenderMode.AUTO, 0);
        assertEquals(List.of("Dora Hale", "Emil Guest"), names(knownHost));
        assertEquals(1, knownHost.pagesRendered());
    }

    @Test
    void everyRequestOfARenderedPageGoesThroughTheGuardAndRobots() throws Exception {
        SiteCrawl.Outcome outcome = crawl(rendering(), "/dept/probe/", RenderMode.ALWAYS, 0);
        assertEquals(1, outcome.pagesRendered());
        assertEquals(0, internal.hits().size(), "the internal host got no request: " + internal.hits());
        assertEquals(0, site.hitsOn("/dept/probe/echo"), "a POST is not sent");
        assertEquals(0, site.hitsOn("/private/data.json"), "robots.txt disallows it");
    }

    @Test
    void aPageThatNeverLoadsIsARenderTimeout() throws Exception {
        SiteCrawl.Outcome outcome = crawl(rendering(), "/dept/endless/", RenderMode.AUTO, 0);
        assertEquals(0, outcome.professors().size());
        assertEquals(CrawlResult.EMPTY_RENDER_TIMEOUT, outcome.emptyReason());
        SiteCrawl.Outcome next = crawl(rendering(), "/dept/people/", RenderMode.AUTO, 0);
        assertEquals(3, next.professors().size(), "the browser renders the next page");
    }

    @Test
    void aHungBrowserIsKilledAndReplaced() throws Exception {
        try (HeadlessBrowser own = browser(Long.MAX_VALUE)) {
            PageRendering rendering = new PageRendering(own, new RenderHosts(10), PageRendering.RenderMeter.NONE);
            List<Long> others = browserProcesses(); // the other tests' browser, left alone
            assertEquals(3, crawl(rendering, "/dept/people/", RenderMode.AUTO, 0).professors().size());
            List<Long> frozen = new ArrayList<>(browserProcesses());
            frozen.removeAll(others);
            assertFalse(frozen.isEmpty(), "the browser's processes are found");
            signal("STOP", frozen); // the browser answers nothing from now on
            try {
                SiteCrawl.Outcome hung = crawl(rendering, "/dept/people/", RenderMode.AUTO, 0);
                assertEquals(CrawlResult.EMPTY_RENDER_TIMEOUT, hung.emptyReason());
                assertEquals(1, own.browsersKilled());
                Instant deadline = Instant.now().plusSeconds(10); // a killed process takes a moment to be torn down
                while (frozen.stream().anyMatch(RenderIT::running) && Instant.now().isBefore(deadline)) {
                    Thread.sleep(100);
                }
                for (long pid : frozen) {
                    assertFalse(running(pid), "process " + pid + " was killed: " + describe(pid));
                }
            } finally {
                signal("CONT", frozen);
            }
            SiteCrawl.Outcome after = crawl(rendering, "/dept/people/", RenderMode.AUTO, 0);
            assertEquals(3, after.professors().size(), "a new browser renders the next page");
            assertEquals(2, own.browsersStarted());
        }
    }

    @Test
    void aBrowserOverItsMemoryCapIsReplacedAfterThePage() throws Exception {
        try (HeadlessBrowser small = browser(1)) {
            PageRendering rendering = new PageRendering(small, new RenderHosts(10), PageRendering.RenderMeter.NONE);
            assertEquals(3, crawl(rendering, "/dept/people/", RenderMode.AUTO, 0).professors().size());
            assertEquals(3, crawl(rendering, "/dept/people/", RenderMode.AUTO, 0).professors().size());
            assertEquals(2, small.browsersStarted(), "each render found the browser over its cap of 1 byte");
        }
    }

    /** Median render time of the script-built directory (printed, not asserted: a benchmark figure). */
    @Test
    void renderTimeIsPrinted() throws Exception {
        PageRendering rendering = rendering();
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            times.add(crawl(rendering, "/dept/people/", RenderMode.ALWAYS, 0).renderMs());
        }
        Collections.sort(times);
        System.out.printf("render of a script-built directory (3 people, 2 requests): median %d ms, min %d, max %d over %d%n",
                times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size());
    }

    private SiteCrawl.Outcome crawl(PageRendering rendering, String path, RenderMode mode, int depth) throws Exception {
        return crawl(rendering, PageStates.NONE, path, mode, depth);
    }

    private SiteCrawl.Outcome crawl(PageRendering rendering, PageStates states, String path, RenderMode mode, int depth) throws Exception {
        PageFetcher fetcher = new PageFetcher(PageFetcherTests.limits(Duration.ofSeconds(5), 5 << 20, 5), "UnivInsightBot/test",
                new AddressPolicy(List.of("127.0.0.1/32")), HostResolver.SYSTEM);
        RobotsRules robots = new RobotsRules(fetcher, "UnivInsightBot/test", Duration.ofHours(1), Clock.systemUTC());
        SiteCrawl crawl = new SiteCrawl(fetcher, robots, new HostThrottle(2), PolitenessDelays.uniform(Duration.ZERO),
                ExtractionPipeline.defaults(), UrlFilters.defaults(), states, rendering);
        return crawl.crawl(new CrawlTask(1, UUID.randomUUID().toString(), site.base() + path, "Render University", "Computer Science",
                Priority.NORMAL, depth, 10, Instant.now(), 1, null, mode));
    }

    private static PageRendering rendering() {
        return new PageRendering(browser, new RenderHosts(100), PageRendering.RenderMeter.NONE);
    }

    private static HeadlessBrowser browser(long memoryCapBytes) {
        return new HeadlessBrowser(new RenderSettings(Optional.empty(), Optional.empty(), PAGE_TIMEOUT, 2 << 20, memoryCapBytes,
                "UnivInsightBot/test", RenderSettings.DEFAULT_QUIET_PERIOD));
    }

    private static List<String> names(SiteCrawl.Outcome outcome) {
        return outcome.professors().stream().map(CrawlResult.Professor::name).sorted().toList();
    }

    private static String person(String name, String slug) {
        return "<li class=\"person\"><a href=\"/people/" + slug + ".html\">" + name + "</a> <span class=\"title\">Professor</span> "
                + "<a href=\"mailto:" + slug + "@render.example.edu\">" + slug + "@render.example.edu</a></li>";
    }

    private static String shell(String title, String container, String script) {
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1>" + container
                + "<script src=\"" + script + "\"></script></body></html>";
    }

    private static String peopleJson() {
        StringBuilder json = new StringBuilder("[");
        for (String[] p : PEOPLE) {
            json.append(json.length() > 1 ? "," : "").append("{\"name\":\"").append(p[0]).append("\",\"title\":\"").append(p[1])
                    .append("\",\"slug\":\"").append(p[2]).append("\"}");
        }
        return json.append("]").toString();
    }

    /** This JVM's browser processes (the render stage marks its browser's command line). */
    private static List<Long> browserProcesses() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
            if (Files.exists(cmdline) && new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains("chrom")) {
                pids.add(p.pid());
            }
        }
        return pids;
    }

    /** Alive and not a zombie waiting for its parent to read its exit. */
    private static boolean running(long pid) {
        String state = describe(pid);
        return !state.isEmpty() && !state.contains("State:\tZ");
    }

    private static String describe(long pid) {
        try {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            String cmd = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            return status.lines().filter(l -> l.startsWith("State:") || l.startsWith("PPid:")).toList() + " " + cmd.replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }
}
