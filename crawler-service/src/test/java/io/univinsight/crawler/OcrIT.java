package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;

import io.univinsight.crawler.config.Executables;
import io.univinsight.crawler.fetch.AddressPolicy;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.fetch.HostThrottle;
import io.univinsight.crawler.fetch.PageFetcher;
import io.univinsight.crawler.fetch.PolitenessDelays;
import io.univinsight.crawler.fetch.RobotsRules;
import io.univinsight.crawler.ocr.EmailImageReader;
import io.univinsight.crawler.ocr.EmailPictures;
import io.univinsight.crawler.ocr.Tesseract;
import io.univinsight.crawler.pagestate.PageStates;
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
 * OCR through the crawler: a loopback site named ocr.example.edu (the test's resolver points the name at
 * 127.0.0.1) whose directory and profile show addresses as PNG pictures. Professors get the addresses
 * read off them, marked emailForm image and extractor ocr, each picture fetched once per task; a picture
 * of another domain's address gives no email; a picture on 127.0.0.2 (the stand-in internal host) is
 * refused by the SSRF guard before any request. Counts go to the meter. Skipped without tesseract.
 */
class OcrIT {
    private FixtureServer site;
    private FixtureServer internal;
    private final Map<String, Integer> counted = new ConcurrentHashMap<>();

    @BeforeEach
    void serve() {
        internal = FixtureServer.on("127.0.0.2");
        internal.route("/e.png", ex -> FixtureServer.send(ex, 200, "image/png", picture("carl.jensen@example.edu")));
        site = FixtureServer.on("127.0.0.1");
        site.route("/img/ada.png", ex -> FixtureServer.send(ex, 200, "image/png", picture("ada.byron@cs.example.edu")));
        site.route("/img/bo.png", ex -> FixtureServer.send(ex, 200, "image/png", picture("b.lopes2@example.edu")));
        site.route("/img/dora.png", ex -> FixtureServer.send(ex, 200, "image/png", picture("dora.hale@gmail.com")));
        site.route("/img/page.png", ex -> FixtureServer.send(ex, 200, "text/html", "<html>not a picture</html>".getBytes()));
        site.html("/dept/people/", "<html><head><title>Faculty</title></head><body><h1>Faculty</h1><ul>"
                + person("Ada Byron", "Professor", "ada", "<img src=\"/img/ada.png\">")
                + person("Bo Lopes", "Associate Professor", "bo", "<img src=\"/img/bo.png\" alt=\"email\">")
                + person("Carl Jensen", "Assistant Professor", "carl", "<img src=\"" + internal.base() + "/e.png\">")
                + person("Dora Hale", "Professor", "dora", "<img src=\"/img/dora.png\">")
                + person("Emil Page", "Professor", "emil", "<img src=\"/img/page.png\">")
                + "</ul></body></html>");
        // Served from an address, not a name: the family is the domain the page writes its own contact address in.
        site.html("/by-address/people/", "<html><head><title>Faculty</title></head><body><h1>Faculty</h1><ul>"
                + person("Bo Lopes", "Associate Professor", "bo", "<img src=\"/img/bo.png\" alt=\"email\">")
                + person("Dora Hale", "Professor", "dora", "<img src=\"/img/dora.png\">")
                + "</ul><footer>Office: <a href=\"mailto:office@example.edu?subject=Hello\">office@example.edu</a></footer></body></html>");
        site.html("/dept/people/ada.html", "<html><head><title>Ada Byron</title></head><body><h1>Ada Byron</h1>"
                + "<p>Professor of Computer Science</p><p>E-mail: <img src=\"/img/ada.png\"></p></body></html>");
    }

    @AfterEach
    void stop() {
        site.close();
        internal.close();
    }

    @Test
    void addressesShownAsPicturesAreReadAndMarkedAndTheInternalHostGetsNothing() throws Exception {
        SiteCrawl.Outcome outcome = crawl(reader());

        Map<String, CrawlResult.Professor> byName = outcome.professors().stream()
                .collect(Collectors.toMap(CrawlResult.Professor::name, Function.identity()));
        assertEquals(5, byName.size(), outcome.professors().toString());
        assertEquals("ada.byron@cs.example.edu", byName.get("Ada Byron").email());
        assertEquals(CrawlResult.Professor.EMAIL_FORM_IMAGE, byName.get("Ada Byron").emailForm());
        assertEquals("b.lopes2@example.edu", byName.get("Bo Lopes").email());
        assertEquals(CrawlResult.Professor.EMAIL_FORM_IMAGE, byName.get("Bo Lopes").emailForm());
        assertNull(byName.get("Carl Jensen").email(), "the internal host's picture is not fetched");
        assertNull(byName.get("Dora Hale").email(), "another domain's address is read but not taken");
        assertNull(byName.get("Dora Hale").emailForm());
        assertNull(byName.get("Emil Page").email(), "an HTML answer is no picture");
        assertTrue(outcome.extractors().contains("ocr"), outcome.extractors().toString());
        assertTrue(outcome.extractors().contains("directory"));

        assertEquals(0, internal.hits().size(), "the SSRF guard refused 127.0.0.2 before any request: " + internal.hits());
        assertEquals(1, site.hitsOn("/img/ada.png"), "one picture shown on two pages is read once per task");
        assertEquals(Map.of("accepted", 2, "rejected", 1, "failed", 2), counted);
    }

    @Test
    void aPageServedFromAnAddressTakesTheDomainOfItsOwnTextAddresses() throws Exception {
        SiteCrawl.Outcome outcome = crawl(reader(), "http://127.0.0.1:" + site.port() + "/by-address/people/");
        Map<String, CrawlResult.Professor> byName = outcome.professors().stream()
                .collect(Collectors.toMap(CrawlResult.Professor::name, Function.identity()));
        assertEquals("b.lopes2@example.edu", byName.get("Bo Lopes").email(), "example.edu is where the page's mailto link is");
        assertNull(byName.get("Dora Hale").email(), "gmail.com is no domain the page writes addresses in");
    }

    @Test
    void withoutOcrThePicturesAreNotFetched() throws Exception {
        SiteCrawl.Outcome outcome = crawl(EmailImageReader.NONE);
        assertEquals(5, outcome.professors().size());
        assertTrue(outcome.professors().stream().allMatch(p -> p.email() == null && p.emailForm() == null));
        assertTrue(!outcome.extractors().contains("ocr"));
        assertEquals(0, site.hitsOn("/img/ada.png"));
    }

    private EmailImageReader reader() {
        Optional<java.nio.file.Path> tesseract = Executables.find(Optional.empty(), List.of("tesseract"));
        Assumptions.assumeTrue(tesseract.isPresent(), "no tesseract on the PATH (Debian: apt-get install tesseract-ocr): OCR IT skipped");
        return new EmailImageReader(new Tesseract(tesseract.get(), Duration.ofSeconds(10)), 512 * 1024,
                outcome -> counted.merge(outcome, 1, Integer::sum));
    }

    private SiteCrawl.Outcome crawl(EmailImageReader reader) throws Exception {
        return crawl(reader, "http://ocr.example.edu:" + site.port() + "/dept/people/");
    }

    private SiteCrawl.Outcome crawl(EmailImageReader reader, String start) throws Exception {
        HostResolver resolver = host -> "ocr.example.edu".equals(host) ? new InetAddress[] {InetAddress.getByName("127.0.0.1")}
                : InetAddress.getAllByName(host);
        PageFetcher fetcher = new PageFetcher(PageFetcherTests.limits(Duration.ofSeconds(5), 5 << 20, 5), "UnivInsightBot/test",
                new AddressPolicy(List.of("127.0.0.1/32")), resolver);
        RobotsRules robots = new RobotsRules(fetcher, "UnivInsightBot/test", Duration.ofHours(1), Clock.systemUTC());
        SiteCrawl crawl = new SiteCrawl(fetcher, robots, new HostThrottle(2), PolitenessDelays.uniform(Duration.ZERO),
                ExtractionPipeline.defaults(), UrlFilters.defaults(), PageStates.NONE, PageRendering.NONE, reader);
        return crawl.crawl(new CrawlTask(1, UUID.randomUUID().toString(), start, "OCR University", "Computer Science", Priority.NORMAL, 1, 10, Instant.now(), 1, null, RenderMode.NEVER));
    }

    private static byte[] picture(String address) {
        return EmailPictures.png(address, new Font("SansSerif", Font.PLAIN, 14));
    }

    private static String person(String name, String title, String slug, String emailPicture) {
        return "<li class=\"person\"><a href=\"/dept/people/" + slug + ".html\">" + name + "</a> <span class=\"title\">" + title
                + "</span> <span>Email: " + emailPicture + "</span></li>";
    }
}
