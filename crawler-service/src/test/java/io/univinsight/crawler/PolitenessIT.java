package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.crawler.testing.StatusWatcher;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;

/**
 * Per-host politeness measured at the server: one request at a time, requests at least the
 * robots.txt Crawl-delay apart (larger than the configured delay), robots.txt read once per host.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class PolitenessIT {
    private static final JsonSerde<CrawlTask> TASK = new JsonSerde<>(CrawlTask.class);
    private static final long CRAWL_DELAY_MS = 300;
    /** Arrival times are measured at the server; connection set-up can shift one arrival by a few ms. */
    private static final long TOLERANCE_MS = 15;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void requestsToOneHostAreSpacedByTheCrawlDelayAndNeverOverlap() {
        String[] people = {"Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"};
        StringBuilder directory = new StringBuilder("<html><body><h1>Faculty</h1><ul>");
        try (FixtureServer site = FixtureServer.on("127.0.0.1");
             StatusWatcher statuses = new StatusWatcher(bootstrap)) {
            site.text("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 0.3\nDisallow: /private/\n");
            for (String name : people) {
                String slug = name.toLowerCase().replace(' ', '-');
                directory.append("<li><a href=\"/faculty/").append(slug).append(".html\">").append(name).append("</a> Professor</li>");
                site.html("/faculty/" + slug + ".html", "<html><body><h1>" + name + "</h1><p>Professor</p></body></html>");
            }
            site.html("/faculty/", directory.append("</ul></body></html>").toString());

            CrawlTask first = task(site.base() + "/faculty/");
            CrawlTask second = task(site.base() + "/faculty/");
            KafkaTestClients.produce(bootstrap, Priority.HIGH.topic(), "127.0.0.1", TASK.serialize("t", first));
            KafkaTestClients.produce(bootstrap, Priority.HIGH.topic(), "127.0.0.1", TASK.serialize("t", second));
            statuses.awaitStatus(first.taskId(), TaskStatus.COMPLETED, Duration.ofSeconds(90));
            statuses.awaitStatus(second.taskId(), TaskStatus.COMPLETED, Duration.ofSeconds(90));

            List<FixtureServer.Hit> hits = site.hits();
            assertEquals(1, site.hitsOn("/robots.txt"), "robots.txt is cached per host");
            assertEquals(2 * (1 + people.length) + 1, hits.size(), hits.toString());
            assertEquals(1, site.maxInProgress(), "one connection at a time");
            // The first request after robots.txt waits only the configured delay (Crawl-delay is not known yet).
            long smallest = Long.MAX_VALUE;
            for (int i = 2; i < hits.size(); i++) {
                smallest = Math.min(smallest, (hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000);
            }
            System.out.printf("PolitenessIT: %d requests, smallest gap %d ms (Crawl-delay %d ms), at most %d at once%n", hits.size(),
                    smallest, CRAWL_DELAY_MS, site.maxInProgress());
            for (int i = 2; i < hits.size(); i++) {
                long gapMs = (hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000;
                assertTrue(gapMs >= CRAWL_DELAY_MS - TOLERANCE_MS, "requests " + (i - 1) + " and " + i + " were " + gapMs + " ms apart");
            }
        }
    }

    private static CrawlTask task(String url) {
        return new CrawlTask(1, UUID.randomUUID().toString(), url, "Polite University", null, Priority.HIGH, 1, 20, Instant.now(), 1, null);
    }
}
