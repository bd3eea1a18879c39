package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.crawler.testing.StatusWatcher;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;

/**
 * Strict priority: with 500 low tasks waiting, a critical task starts before more than
 * (instances x concurrency) further low tasks start. The low tasks spread over 20 fixture
 * servers, so per-server exclusivity does not decide the order.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class PriorityIT {
    private static final JsonSerde<CrawlTask> TASK = new JsonSerde<>(CrawlTask.class);
    private static final int LOW_TASKS = 500;
    private static final int SERVERS = 20;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "crawler.concurrency")
    int concurrency;

    @Test
    void aCriticalTaskOvertakesTheLowBacklog() throws Exception {
        List<FixtureServer> servers = new ArrayList<>();
        for (int i = 0; i < SERVERS; i++) {
            servers.add(FixtureServer.on("127.0.0.1").route("/p", ex -> {
                sleep(40); // a page that takes a moment, so the backlog stays a backlog
                FixtureServer.send(ex, 200, "text/html", "<html><body><h1>Page</h1></body></html>".getBytes(StandardCharsets.UTF_8));
            }));
        }
        FixtureServer urgent = FixtureServer.on("127.0.0.1").html("/p", "<html><body>urgent</body></html>");
        Set<String> lowIds = new HashSet<>();
        try (StatusWatcher statuses = new StatusWatcher(bootstrap);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < LOW_TASKS; i++) {
                FixtureServer server = servers.get(i % SERVERS);
                CrawlTask low = task(server.base() + "/p", Priority.LOW);
                lowIds.add(low.taskId());
                producer.send(new ProducerRecord<>(Priority.LOW.topic(), "127.0.0.1:" + server.port(), TASK.serialize("t", low)));
            }
            producer.flush();
            statuses.awaitUntil(all -> running(all, lowIds, Instant.MIN) >= 40, Duration.ofSeconds(90), "40 low tasks running");

            Instant criticalSent = Instant.now();
            CrawlTask critical = task(urgent.base() + "/p", Priority.CRITICAL);
            producer.send(new ProducerRecord<>(Priority.CRITICAL.topic(), "127.0.0.1:" + urgent.port(), TASK.serialize("t", critical)))
                    .get(30, TimeUnit.SECONDS);
            TaskStatusChanged criticalRunning = statuses.awaitStatus(critical.taskId(), TaskStatus.RUNNING, Duration.ofSeconds(60)).get(0);

            List<TaskStatusChanged> all = statuses.readFor(Duration.ofSeconds(2));
            long lowStartedMeanwhile = all.stream().filter(e -> e.status() == TaskStatus.RUNNING && lowIds.contains(e.taskId()))
                    .filter(e -> e.at().isAfter(criticalSent) && e.at().isBefore(criticalRunning.at())).count();
            long lowStartedBefore = running(all, lowIds, Instant.MIN);
            System.out.printf("PriorityIT: %d low tasks had started; %d more started between queuing the critical task and its start "
                    + "(bound: concurrency %d)%n", lowStartedBefore, lowStartedMeanwhile, concurrency);
            assertTrue(lowStartedMeanwhile <= concurrency,
                    lowStartedMeanwhile + " low tasks started after the critical one was queued and before it ran");
            assertTrue(lowStartedBefore < LOW_TASKS - 100, "the backlog was still there: " + lowStartedBefore + " low tasks had started");
            // Let the backlog drain so later test classes are not queued behind it.
            statuses.awaitUntil(x -> completed(x, lowIds) >= LOW_TASKS, Duration.ofSeconds(120), "the low backlog to finish");
        } finally {
            servers.forEach(FixtureServer::close);
            urgent.close();
        }
    }

    private static long running(List<TaskStatusChanged> events, Set<String> ids, Instant after) {
        return events.stream().filter(e -> e.status() == TaskStatus.RUNNING && ids.contains(e.taskId()) && e.at().isAfter(after)).count();
    }

    private static long completed(List<TaskStatusChanged> events, Set<String> ids) {
        return events.stream().filter(e -> e.status().isTerminal() && ids.contains(e.taskId())).count();
    }

    private static CrawlTask task(String url, Priority priority) {
        return new CrawlTask(1, UUID.randomUUID().toString(), url, "Priority University", null, priority, 0, 1, Instant.now(), 1, null);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
