package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.crawler.config.CrawlerConfig;
import io.univinsight.crawler.fetch.HostResolver;
import io.univinsight.crawler.messaging.EventPublisher;
import io.univinsight.crawler.messaging.TaskConsumer;
import io.univinsight.crawler.messaging.TaskSource;
import io.univinsight.crawler.service.CrawlStages;
import io.univinsight.crawler.service.CrawlerWorker;
import io.univinsight.crawler.service.TaskRunner;
import io.univinsight.crawler.service.WorkerStats;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.crawler.testing.StatusWatcher;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;

/** Cancellation, a hanging host not blocking others, and redelivery of an unfinished task after a crash. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DeliveryIT {
    private static final JsonSerde<CrawlTask> TASK = new JsonSerde<>(CrawlTask.class);
    private static final JsonSerde<TaskStatusChanged> STATUS = new JsonSerde<>(TaskStatusChanged.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @jakarta.inject.Inject
    CrawlerWorker worker;
    @jakarta.inject.Inject
    CrawlerConfig config;

    @Test
    void aCancelledTaskIsSkippedAndAHangingHostBlocksNoOtherHost() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (FixtureServer hanging = FixtureServer.on("127.0.0.1");
             FixtureServer other = FixtureServer.on("127.0.0.1").html("/ok", "<html><body>fine</body></html>");
             StatusWatcher statuses = new StatusWatcher(bootstrap)) {
            hanging.route("/hold", ex -> {
                await(release);
                FixtureServer.send(ex, 200, "text/html", "<html>held</html>".getBytes(StandardCharsets.UTF_8));
            }).html("/later", "<html>later</html>");
            CrawlTask held = task(hanging.base() + "/hold", Priority.NORMAL);
            CrawlTask cancelled = task(hanging.base() + "/later", Priority.NORMAL);
            CrawlTask elsewhere = task(other.base() + "/ok", Priority.NORMAL);
            produce(held);
            statuses.awaitStatus(held.taskId(), TaskStatus.RUNNING, WAIT);
            produce(cancelled); // same host: waits behind the held task
            KafkaTestClients.produce(bootstrap, Topics.TASK_CANCELLATIONS, cancelled.taskId(),
                    STATUS.serialize("c", TaskStatusChanged.of(cancelled, TaskStatus.CANCELLED, "task-api", "cancelled by user")));
            awaitCancellationSeen(cancelled.taskId());

            produce(elsewhere);
            statuses.awaitStatus(elsewhere.taskId(), TaskStatus.COMPLETED, WAIT);
            assertEquals(List.of(TaskStatus.RUNNING), StatusWatcher.statuses(statuses.of(held.taskId())), "still held");

            release.countDown();
            statuses.awaitStatus(held.taskId(), TaskStatus.COMPLETED, WAIT);
            List<TaskStatusChanged> skipped = statuses.awaitStatus(cancelled.taskId(), TaskStatus.CANCELLED, WAIT);
            assertEquals(List.of(TaskStatus.CANCELLED), StatusWatcher.statuses(skipped), "never started");
            assertEquals("cancelled", skipped.get(0).error());
            assertEquals(1, skipped.get(0).attempt());
            assertEquals(0, hanging.hitsOn("/later"));
        } finally {
            release.countDown();
        }
    }

    /**
     * Worker A runs a task and is stopped abruptly mid-task (no drain, no commit: what kill -9
     * leaves behind); worker B of the same group gets the uncommitted record and runs the task
     * again, while the task A had finished before is not redone. Private topics keep the test's
     * group away from other tests' tasks.
     */
    @Test
    void aTaskUnfinishedAtACrashIsRedeliveredToAnotherWorker() throws Exception {
        String prefix = "crashtest-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        TaskSource source = TaskSource.withPrefix("crashtest-group-" + prefix, prefix);
        createTopics(source);
        CountDownLatch release = new CountDownLatch(1);
        TaskConsumer a = null;
        TaskConsumer b = null;
        try (FixtureServer site = FixtureServer.on("127.0.0.1").html("/fast", "<html><body>fast</body></html>");
             StatusWatcher statuses = new StatusWatcher(bootstrap);
             EventPublisher eventsB = new EventPublisher(bootstrap, "crash-b")) {
            site.route("/slow", ex -> {
                await(release);
                FixtureServer.send(ex, 200, "text/html", "<html><body>slow</body></html>".getBytes(StandardCharsets.UTF_8));
            });
            CrawlTask done = task(site.base() + "/fast", Priority.NORMAL);
            CrawlTask interrupted = task(site.base() + "/slow", Priority.NORMAL);
            String topic = source.priorityTopics().get(Priority.NORMAL);
            KafkaTestClients.produce(bootstrap, topic, "127.0.0.1", TASK.serialize("t", done));
            KafkaTestClients.produce(bootstrap, topic, "127.0.0.1", TASK.serialize("t", interrupted));

            EventPublisher eventsA = new EventPublisher(bootstrap, "crash-a");
            a = consumer(source, "crash-a", eventsA);
            Thread threadA = new Thread(a, "crash-a");
            threadA.start();
            statuses.awaitStatus(done.taskId(), TaskStatus.COMPLETED, WAIT);
            statuses.awaitStatus(interrupted.taskId(), TaskStatus.RUNNING, WAIT);
            awaitCommitted(source.groupId(), new TopicPartition(topic, 0), 1);

            a.halt(); // abrupt: the running task is neither finished nor committed
            threadA.join(30_000);
            eventsA.close(); // a dead process sends nothing more

            b = consumer(source, "crash-b", eventsB);
            Thread threadB = new Thread(b, "crash-b");
            threadB.start();
            statuses.awaitUntil(all -> all.stream().anyMatch(e -> e.taskId().equals(interrupted.taskId())
                    && e.status() == TaskStatus.RUNNING && "crash-b".equals(e.workerId())), WAIT, "worker B to take over");
            release.countDown();
            List<TaskStatusChanged> events = statuses.awaitStatus(interrupted.taskId(), TaskStatus.COMPLETED, WAIT);
            assertEquals("crash-b", events.get(events.size() - 1).workerId());
            statuses.readFor(Duration.ofSeconds(1));
            assertEquals(1, statuses.of(done.taskId()).stream().filter(e -> e.status() == TaskStatus.RUNNING).count(),
                    "a finished, committed task is not redelivered");
            b.stop();
            threadB.join(30_000);
        } finally {
            release.countDown();
        }
    }

    /**
     * A result over Kafka's size limit (here lowered to 20 KB; a page of 400 papers makes ~80 KB)
     * fails its task with the reason and a dead letter, instead of the task running again forever
     * and holding its partition: the next task of the same partition completes.
     */
    @Test
    void aResultTooLargeForKafkaFailsItsTaskAndThePartitionMovesOn() throws Exception {
        String prefix = "bigresult-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        TaskSource source = TaskSource.withPrefix("bigresult-group-" + prefix, prefix);
        createTopics(source);
        StringBuilder papers = new StringBuilder("<html><body><h1>Publications of Ada Lovelace</h1><ul>");
        for (int i = 0; i < 400; i++) {
            papers.append("<li>Ada Lovelace, B. Coauthor. <i>Notes on engine number ").append(i)
                    .append(" and its tables</i>. In Proc. Analytical Society, ").append(1900 + i % 100).append(".</li>");
        }
        papers.append("</ul></body></html>");
        TaskConsumer c = null;
        Thread thread = null;
        EventPublisher smallEvents = new EventPublisher(bootstrap, "small-events", 20_000);
        try (FixtureServer site = FixtureServer.on("127.0.0.1").html("/pubs", papers.toString())
                .html("/fine", "<html><body>fine</body></html>");
             StatusWatcher statuses = new StatusWatcher(bootstrap)) {
            CrawlTask big = task(site.base() + "/pubs", Priority.NORMAL);
            CrawlTask next = task(site.base() + "/fine", Priority.NORMAL);
            String topic = source.priorityTopics().get(Priority.NORMAL);
            KafkaTestClients.produce(bootstrap, topic, "127.0.0.1", TASK.serialize("t", big));
            KafkaTestClients.produce(bootstrap, topic, "127.0.0.1", TASK.serialize("t", next));
            c = consumer(source, "small-events", smallEvents);
            thread = new Thread(c, "small-events");
            thread.start();
            List<TaskStatusChanged> events = statuses.awaitStatus(big.taskId(), TaskStatus.FAILED, WAIT);
            String error = events.get(events.size() - 1).error();
            assertTrue(error.matches("result-too-large: 0 professors and \\d+ papers make \\d+ bytes is over the size limit of crawl\\.results.*"), error);
            statuses.awaitStatus(next.taskId(), TaskStatus.COMPLETED, WAIT);
            assertEquals(1, statuses.of(big.taskId()).stream().filter(e -> e.status() == TaskStatus.RUNNING).count(),
                    "the too-large task ran once");
        } finally {
            if (c != null) {
                c.stop(); // before its publisher closes
                thread.join(30_000);
            }
            smallEvents.close();
        }
    }

    private TaskConsumer consumer(TaskSource source, String workerId, EventPublisher events) {
        TaskRunner runner = new TaskRunner(CrawlStages.siteCrawl(config, HostResolver.SYSTEM), events, new WorkerStats(workerId),
                config.retry().maxAttempts(), config.retry().baseDelay());
        return new TaskConsumer(Map.of("bootstrap.servers", bootstrap), source, workerId, runner, events, null, 4, 1, Duration.ofSeconds(5));
    }

    private void createTopics(TaskSource source) throws Exception {
        try (Admin admin = Admin.create(adminProps())) {
            admin.createTopics(source.topics().stream().map(t -> new NewTopic(t, 1, (short) 1)).toList()).all().get(30, TimeUnit.SECONDS);
        }
    }

    private void awaitCommitted(String group, TopicPartition tp, long offset) throws Exception {
        try (Admin admin = Admin.create(adminProps())) {
            Instant deadline = Instant.now().plus(WAIT);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
                if (committed.get(tp) != null && committed.get(tp).offset() >= offset) {
                    assertEquals(offset, committed.get(tp).offset(), "only the finished task is committed");
                    return;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("offset " + offset + " never committed on " + tp);
        }
    }

    private void awaitCancellationSeen(String taskId) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!worker.cancellations().isCancelled(taskId)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the crawler never saw the cancellation of " + taskId);
            }
            Thread.sleep(50);
        }
    }

    private Properties adminProps() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    private void produce(CrawlTask task) {
        KafkaTestClients.produce(bootstrap, task.priority().topic(), "127.0.0.1", TASK.serialize("t", task));
    }

    private static CrawlTask task(String url, Priority priority) {
        return new CrawlTask(1, UUID.randomUUID().toString(), url, "Delivery University", null, priority, 0, 1, Instant.now(), 1, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(45, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
