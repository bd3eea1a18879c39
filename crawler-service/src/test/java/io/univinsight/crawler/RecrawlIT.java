package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.crawler.pagestate.PageStateReader;
import io.univinsight.crawler.pagestate.PageStateStore;
import io.univinsight.crawler.pagestate.PublishedPageStates;
import io.univinsight.crawler.service.SiteCrawl;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.PageState;
import io.univinsight.events.Priority;
import io.univinsight.events.Topics;
import io.univinsight.extraction.bench.BenchPages;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;

/**
 * Recrawls against a real broker: the crawler app crawls a site served by the test with ETags and
 * Last-Modified (counting 200s, 304s and bytes), twice or more, with the site changed in between.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class RecrawlIT {
    private static final JsonSerde<CrawlResult> RESULT = new JsonSerde<>(CrawlResult.class);
    private static final JsonSerde<CrawlTask> TASK = new JsonSerde<>(CrawlTask.class);
    private static final int PEOPLE = 6;
    /** The restarted store of the last test only reads: what it would write is not under test. */
    private static final PublishedPageStates.Topic NO_TOPIC = new PublishedPageStates.Topic() {
        @Override
        public void send(String url, byte[] json) {
        }

        @Override
        public void flush() {
        }
    };

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A department: its directory at /cs/faculty/ listing the current people, and one profile each. */
    private static final class Department implements AutoCloseable {
        final List<BenchPages.Person> everyone = BenchPages.people(PEOPLE, 7);
        final AtomicReference<List<BenchPages.Person>> listed = new AtomicReference<>(everyone);
        final Map<String, String> extraPaper = new java.util.concurrent.ConcurrentHashMap<>();
        final FixtureServer server = FixtureServer.on("127.0.0.1");

        Department() {
            server.conditionalHtml(BenchPages.pageUrl(1), () -> BenchPages.directory(listed.get(), 1, 1, 7));
            for (BenchPages.Person p : everyone) {
                server.conditionalHtml("/cs/faculty/people/" + p.slug() + ".html", () -> {
                    String page = BenchPages.profile(p, 7);
                    String extra = extraPaper.get(p.slug());
                    return extra == null ? page : page.replace("<ol class=\"pub-list\">\n", "<ol class=\"pub-list\">\n" + extra);
                });
            }
        }

        String start() {
            return server.base() + BenchPages.pageUrl(1);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    @Test
    void anUnchangedRecrawlIsAllCacheHitsWithTheSameRecordsAndFarFewerBytes() {
        try (Department site = new Department()) {
            CrawlResult first = crawl(site.start());
            long firstBytes = site.server.bodyBytes();
            assertEquals(1 + PEOPLE, first.pagesFetched());
            assertEquals(PEOPLE, first.professors().size(), first.professors().toString());
            assertFalse(first.metrics().cacheHit());
            assertEquals(0, first.metrics().cacheHits());
            assertEquals(0, site.server.notModifiedResponses());

            CrawlResult second = crawl(site.start());
            assertTrue(second.metrics().cacheHit(), "the start page was a hit");
            assertEquals(1 + PEOPLE, second.metrics().cacheHits());
            assertEquals(1 + PEOPLE, site.server.notModifiedResponses(), "every page answered 304");
            assertEquals(firstBytes, site.server.bodyBytes(), "no body downloaded again");
            assertEquals(0, second.metrics().bytes());
            assertEquals(first.metrics().bytes(), second.metrics().bytesSaved());
            // The records of the last visit count as found again.
            assertEquals(names(first.professors()), names(second.professors()));
            assertEquals(titles(first.papers()), titles(second.papers()));
            assertTrue(first.accuracyScore() > 0, "the first crawl was scored");
            assertEquals(first.accuracyScore(), second.accuracyScore(), "scored as when its pages were extracted");
            assertEquals(first.extractionMethod(), second.extractionMethod());
            assertTrue(second.departed().isEmpty());
        }
    }

    @Test
    void aChangedPageIsExtractedAgainAndTheOthersAreHits() {
        try (Department site = new Department()) {
            CrawlResult first = crawl(site.start());
            BenchPages.Person changed = site.everyone.get(2);
            site.extraPaper.put(changed.slug(), "<li>" + changed.name() + ". <em>A Freshly Published Result on Cache Validation</em>. In Proc. RECRAWL, 2026.</li>\n");
            long okBefore = site.server.okResponses();

            CrawlResult second = crawl(site.start());
            assertEquals(1, site.server.okResponses() - okBefore, "only the changed profile came with a body");
            assertEquals(PEOPLE, second.metrics().cacheHits());
            assertTrue(second.metrics().cacheHit());
            assertTrue(titles(second.papers()).stream().anyMatch(t -> t.contains("Freshly Published Result")), titles(second.papers()).toString());
            assertFalse(titles(first.papers()).stream().anyMatch(t -> t.contains("Freshly Published Result")));
            assertEquals(names(first.professors()), names(second.professors()));
        }
    }

    @Test
    void aPersonRemovedFromTheDirectoryIsReportedDeparted() {
        try (Department site = new Department()) {
            crawl(site.start());
            BenchPages.Person leaving = site.everyone.get(PEOPLE - 1);
            site.listed.set(site.everyone.subList(0, PEOPLE - 1));

            CrawlResult second = crawl(site.start());
            assertFalse(second.metrics().cacheHit(), "the directory changed");
            assertEquals(List.of(leaving.name()), second.departed().stream().map(CrawlResult.Professor::name).toList());
            assertFalse(names(second.professors()).contains(leaving.name()));
            assertEquals(PEOPLE - 1, second.metrics().cacheHits(), "the remaining profiles are hits");

            CrawlResult third = crawl(site.start());
            assertTrue(third.departed().isEmpty(), "an unchanged directory reports nobody again: " + third.departed());
        }
    }

    @Test
    void aNewStoreReadingTheTopicKeepsTheValidatorsAfterARestart(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Department site = new Department()) {
            crawl(site.start());
            assertEquals(0, site.server.notModifiedResponses());
            // A new crawler's store: empty folder, everything from the topic.
            try (PageStateStore store = PageStateStore.open(Files.createDirectories(dir.resolve("restarted")))) {
                PageStateReader reader = new PageStateReader(Map.of("bootstrap.servers", bootstrap), store, (r, why) -> { });
                Thread thread = new Thread(reader, "page-state-test");
                thread.start();
                try {
                    assertTrue(reader.awaitCaughtUp(Duration.ofSeconds(60)));
                    PageState directory = store.find(site.start()).orElseThrow(() -> new AssertionError("the directory's state was not on the topic"));
                    assertTrue(directory.etag() != null && directory.contentSha256() != null);
                    assertEquals("directory", directory.pageKind());
                    SiteCrawl crawl = SiteCrawlTests.crawler(io.univinsight.crawler.scope.UrlFilters.defaults(), new PublishedPageStates(store, NO_TOPIC));
                    SiteCrawl.Outcome outcome = crawl.crawl(SiteCrawlTests.task(site.start(), 2, 50));
                    assertEquals(1 + PEOPLE, outcome.cacheHits());
                    assertEquals(1 + PEOPLE, site.server.notModifiedResponses(), "every page answered 304 to the restarted store's validators");
                    assertEquals(PEOPLE, outcome.professors().size());
                } finally {
                    reader.stop();
                    thread.join(10_000);
                }
            }
        }
    }

    private CrawlResult crawl(String url) {
        CrawlTask task = new CrawlTask(1, UUID.randomUUID().toString(), url, "Bench University", "Computer Science", Priority.HIGH, 2, 50,
                Instant.now(), 1, null);
        KafkaTestClients.produce(bootstrap, task.priority().topic(), "127.0.0.1", TASK.serialize("t", task));
        return KafkaTestClients.readUntil(bootstrap, Topics.RESULTS, rs -> rs.stream().anyMatch(r -> task.taskId().equals(r.key())), Duration.ofSeconds(90))
                .stream().filter(r -> task.taskId().equals(r.key())).map(r -> RESULT.deserialize("r", r.value())).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + url));
    }

    private static Set<String> names(List<CrawlResult.Professor> professors) {
        return professors.stream().map(CrawlResult.Professor::name).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Set<String> titles(List<CrawlResult.Paper> papers) {
        return papers.stream().map(CrawlResult.Paper::title).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
