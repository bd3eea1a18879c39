package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.crawler.testing.FixtureServer;
import io.univinsight.devstack.ChildJvm;
import io.univinsight.devstack.DemoSite;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.Topics;
import io.univinsight.events.WorkerHeartbeat;

/** The crawler against a real broker and the demo university served on loopback by the test. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class CrawlerIT {
    private static final JsonSerde<TaskStatusChanged> STATUS = new JsonSerde<>(TaskStatusChanged.class);
    private static final JsonSerde<CrawlResult> RESULT = new JsonSerde<>(CrawlResult.class);
    private static final JsonSerde<CrawlTask> TASK = new JsonSerde<>(CrawlTask.class);
    private static DemoSite site;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @BeforeAll
    static void serveSite() throws Exception {
        site = DemoSite.start(0);
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void aDirectoryTaskIsCrawledAndReportedWithItsProfessorsAndMetrics() {
        CrawlTask task = task(site.baseUrl() + "/ko/cse/professors.html", Priority.HIGH);
        KafkaTestClients.produce(bootstrap, task.priority().topic(), "127.0.0.1", TASK.serialize("t", task));

        List<TaskStatus> statuses = statusesOf(task.taskId(), TaskStatus.COMPLETED);
        assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.COMPLETED), statuses);
        CrawlResult result = resultOf(task.taskId());
        assertEquals(5, result.professors().size(), result.professors().toString());
        assertTrue(result.professors().stream().anyMatch(p -> "김민준".equals(p.name()) && "minjun.kim@hanbit.example.edu".equals(p.email())));
        assertTrue(result.pagesFetched() >= 2, "directory and profiles");
        assertTrue(result.papers().size() > 0);
        assertEquals(200, result.metrics().httpStatus());
        assertTrue(result.metrics().bytes() > 0 && result.metrics().totalMs() > 0);
    }

    @Test
    void aTransientFailureRetriesWithBackoffThenFailsToTheDeadLetterTopic() {
        int closedPort = ChildJvm.freePort();
        CrawlTask task = task("http://127.0.0.1:" + closedPort + "/faculty", Priority.NORMAL);
        KafkaTestClients.produce(bootstrap, task.priority().topic(), "127.0.0.1", TASK.serialize("t", task));

        List<TaskStatusChanged> events = eventsOf(task.taskId(), TaskStatus.FAILED);
        assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.RETRYING, TaskStatus.RUNNING, TaskStatus.RETRYING,
                TaskStatus.RUNNING, TaskStatus.FAILED), events.stream().map(TaskStatusChanged::status).toList());
        assertEquals(List.of(1, 1, 2, 2, 3, 3), events.stream().map(TaskStatusChanged::attempt).toList());
        // Backoff base 200 ms (test profile), doubled per attempt, jitter factor at least 0.5: lower bounds only.
        assertTrue(Duration.between(events.get(1).at(), events.get(2).at()).toMillis() >= 100, events.toString());
        assertTrue(Duration.between(events.get(3).at(), events.get(4).at()).toMillis() >= 200, events.toString());
        List<ConsumerRecord<String, byte[]>> dlq = KafkaTestClients.readUntil(bootstrap, Topics.TASKS_DLQ,
                rs -> rs.stream().anyMatch(r -> task.taskId().equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> dead = dlq.stream().filter(r -> task.taskId().equals(r.key())).findFirst().orElseThrow();
        assertTrue(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8).contains("attempts exhausted"));
        assertEquals(3, TASK.deserialize("t", dead.value()).attempt());
    }

    @Test
    void aDisallowedPageFailsAtOnceWithReasonRobots() {
        CrawlTask task = task(site.baseUrl() + "/private/secret.html", Priority.CRITICAL);
        KafkaTestClients.produce(bootstrap, task.priority().topic(), "127.0.0.1", TASK.serialize("t", task));
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readUntil(bootstrap, Topics.TASK_STATUS,
                rs -> rs.stream().anyMatch(r -> task.taskId().equals(r.key()) && STATUS.deserialize("s", r.value()).status() == TaskStatus.FAILED),
                Duration.ofSeconds(60));
        TaskStatusChanged failed = records.stream().filter(r -> task.taskId().equals(r.key())).map(r -> STATUS.deserialize("s", r.value()))
                .filter(s -> s.status() == TaskStatus.FAILED).findFirst().orElseThrow();
        assertTrue(failed.error().startsWith("robots"), failed.error());
        assertEquals(1, failed.attempt());
    }

    @Test
    void anUnparseableTaskGoesToTheDeadLetterTopicAndTheNextOneStillRuns() {
        KafkaTestClients.produce(bootstrap, Priority.LOW.topic(), "bad-host", "{\"taskId\": 42,".getBytes(StandardCharsets.UTF_8));
        CrawlTask next = task(site.baseUrl() + "/physics/people.html", Priority.LOW);
        KafkaTestClients.produce(bootstrap, next.priority().topic(), "127.0.0.1", TASK.serialize("t", next));
        List<ConsumerRecord<String, byte[]>> dlq = KafkaTestClients.readUntil(bootstrap, Topics.TASKS_DLQ,
                rs -> rs.stream().anyMatch(r -> "bad-host".equals(r.key())), Duration.ofSeconds(30));
        assertTrue(dlq.stream().anyMatch(r -> "bad-host".equals(r.key())
                && new String(r.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8).startsWith("unparseable task")));
        assertEquals(TaskStatus.COMPLETED, statusesOf(next.taskId(), TaskStatus.COMPLETED).get(1));
    }

    @Test
    void aRedirectIntoAnInternalAddressFailsTheTaskWithoutReachingIt() {
        try (FixtureServer internal = FixtureServer.on("127.0.0.2").html("/", "<html>admin</html>");
             FixtureServer entry = FixtureServer.on("127.0.0.1").route("/faculty/", ex -> FixtureServer.redirect(ex, internal.base() + "/"))) {
            CrawlTask task = task(entry.base() + "/faculty/", Priority.HIGH);
            KafkaTestClients.produce(bootstrap, task.priority().topic(), "127.0.0.1", TASK.serialize("t", task));
            List<TaskStatusChanged> events = eventsOf(task.taskId(), TaskStatus.FAILED);
            assertEquals(List.of(TaskStatus.RUNNING, TaskStatus.FAILED), events.stream().map(TaskStatusChanged::status).toList());
            assertTrue(events.get(1).error().startsWith("blocked-address"), events.get(1).error());
            assertTrue(internal.hits().isEmpty(), "127.0.0.2 was reached: " + internal.hits());
        }
    }

    @Test
    void cloudMetadataAndPrivateTargetsFailAtOnceWithoutRetry() {
        CrawlTask metadata = task("http://169.254.169.254/latest/meta-data/", Priority.HIGH);
        CrawlTask internal = task("http://127.0.0.2:" + ChildJvm.freePort() + "/", Priority.HIGH);
        CrawlTask scheme = task("file:///etc/passwd", Priority.HIGH);
        for (CrawlTask t : List.of(metadata, internal, scheme)) {
            KafkaTestClients.produce(bootstrap, t.priority().topic(), "k-" + t.taskId(), TASK.serialize("t", t));
        }
        assertTrue(eventsOf(metadata.taskId(), TaskStatus.FAILED).get(1).error().startsWith("blocked-address"));
        assertTrue(eventsOf(internal.taskId(), TaskStatus.FAILED).get(1).error().startsWith("blocked-address"));
        assertTrue(eventsOf(scheme.taskId(), TaskStatus.FAILED).get(1).error().startsWith("blocked-scheme"));
    }

    @Test
    void theWorkerSendsHeartbeatsThatCountItsCompletedTasks() {
        CrawlTask done = task(site.baseUrl() + "/physics/people.html", Priority.HIGH);
        KafkaTestClients.produce(bootstrap, done.priority().topic(), "127.0.0.1", TASK.serialize("t", done));
        assertEquals(TaskStatus.COMPLETED, statusesOf(done.taskId(), TaskStatus.COMPLETED).get(1));
        Instant completed = Instant.now();
        // A heartbeat sent after that completion must count it (and every other completed task of this worker).
        JsonSerde<WorkerHeartbeat> serde = new JsonSerde<>(WorkerHeartbeat.class);
        List<ConsumerRecord<String, byte[]>> beats = KafkaTestClients.readUntil(bootstrap, Topics.WORKER_HEARTBEATS,
                rs -> rs.stream().anyMatch(r -> serde.deserialize("h", r.value()).at().isAfter(completed)), Duration.ofSeconds(60));
        ConsumerRecord<String, byte[]> after = beats.stream().filter(r -> serde.deserialize("h", r.value()).at().isAfter(completed))
                .findFirst().orElseThrow(() -> new AssertionError("no heartbeat within 60 s of a completed task"));
        WorkerHeartbeat beat = serde.deserialize("h", after.value());
        assertEquals(after.key(), beat.workerId());
        assertTrue(beat.completed() >= 1, "the heartbeat after a completed task counts it: " + beat);
    }

    private static CrawlTask task(String url, Priority priority) {
        return new CrawlTask(1, UUID.randomUUID().toString(), url, "Hanbit Institute of Technology", null, priority, 1, 20,
                Instant.now(), 1, null);
    }

    private List<TaskStatus> statusesOf(String taskId, TaskStatus last) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readUntil(bootstrap, Topics.TASK_STATUS,
                rs -> rs.stream().anyMatch(r -> taskId.equals(r.key()) && STATUS.deserialize("s", r.value()).status() == last),
                Duration.ofSeconds(90));
        return records.stream().filter(r -> taskId.equals(r.key())).map(r -> STATUS.deserialize("s", r.value()).status()).toList();
    }

    private List<TaskStatusChanged> eventsOf(String taskId, TaskStatus last) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readUntil(bootstrap, Topics.TASK_STATUS,
                rs -> rs.stream().anyMatch(r -> taskId.equals(r.key()) && STATUS.deserialize("s", r.value()).status() == last),
                Duration.ofSeconds(90));
        return records.stream().filter(r -> taskId.equals(r.key())).map(r -> STATUS.deserialize("s", r.value())).toList();
    }

    private CrawlResult resultOf(String taskId) {
        return KafkaTestClients.readUntil(bootstrap, Topics.RESULTS, rs -> rs.stream().anyMatch(r -> taskId.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> taskId.equals(r.key())).map(r -> RESULT.deserialize("r", r.value())).findFirst().orElseThrow();
    }
}
