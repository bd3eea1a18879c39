package io.univinsight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.devstack.testing.KafkaTestClients;
import io.univinsight.devstack.testing.KafkaTestResource;
import io.univinsight.devstack.testing.PostgresTestResource;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.EventJson;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
import io.univinsight.persistence.domain.CrawlMetricsEntity;
import io.univinsight.persistence.domain.CrawlResultEntity;
import io.univinsight.persistence.domain.CrawlTaskEntity;
import io.univinsight.persistence.domain.PaperEntity;
import io.univinsight.persistence.domain.ProfessorEntity;

/** Events on the real broker become rows in a real PostgreSQL, once, whatever the order. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class CrawlEventsPersistenceIT {
    private static final String UNIVERSITY = "Persistence Test University";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aTaskItsStatusesAndItsResultBecomeRowsOnceEvenWhenRedeliveredOutOfOrder() throws Exception {
        String taskId = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-11-27T08:00:00Z");
        CrawlTask task = new CrawlTask(1, taskId, "http://uni.example.edu/faculty", UNIVERSITY, "Physics", Priority.HIGH, 2, 50, t0, 1, null);
        TaskStatusChanged running = new TaskStatusChanged(1, taskId, TaskStatus.RUNNING, t0.plusSeconds(1), "w1", 1, null, task.url(), UNIVERSITY, Priority.HIGH);
        TaskStatusChanged completed = new TaskStatusChanged(1, taskId, TaskStatus.COMPLETED, t0.plusSeconds(5), "w1", 1, null, task.url(), UNIVERSITY, Priority.HIGH);
        CrawlResult result = new CrawlResult(1, taskId, task.url(), UNIVERSITY, "Physics",
                List.of(new CrawlResult.Professor("Ada Lovelace", "Professor", "ADA@uni.example.edu", null, "http://uni.example.edu/ada", 0.9),
                        new CrawlResult.Professor("Alan Turing", "Associate Professor", null, "Mathematics", null, 0.8)),
                List.of(new CrawlResult.Paper("On Computable Numbers", List.of("Alan Turing"), 1936, "Proc. LMS", "10.1112/PLMS/s2-42.1.230", null, List.of("Alan Turing")),
                        new CrawlResult.Paper("Notes on the Analytical Engine", List.of("Ada Lovelace"), 1843, null, null, null, List.of("ada@uni.example.edu"))),
                7, "directory+profile", 85, new CrawlResult.Metrics(5000, 3000, 200, 123456, 200, 1, false, 0),
                t0.plusSeconds(5), "w1", 1);

        // Out of order and twice: the completion and result before the task record itself.
        send(Topics.TASK_STATUS, taskId, completed);
        send(Topics.RESULTS, taskId, result);
        send(Topics.TASK_STATUS, taskId, running);
        send(task.priority().topic(), "uni.example.edu", task);
        send(Topics.RESULTS, taskId, result);
        send(Topics.TASK_STATUS, taskId, running);

        CrawlTaskEntity row = await(() -> {
            CrawlTaskEntity t = CrawlTaskEntity.findById(UUID.fromString(taskId));
            return t != null && "high".equals(t.priority) && t.startedAt != null ? t : null;
        });
        assertEquals("COMPLETED", row.status);
        assertEquals(task.url(), row.url);
        assertEquals(t0, row.createdAt);
        assertEquals(t0.plusSeconds(1), row.startedAt);
        assertEquals(t0.plusSeconds(5), row.completedAt);
        assertEquals("w1", row.workerId);

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, CrawlResultEntity.count("taskId", UUID.fromString(taskId)));
            assertEquals(1, CrawlMetricsEntity.count("taskId", UUID.fromString(taskId)));
            assertEquals(2, ProfessorEntity.count("universityName", UNIVERSITY));
            ProfessorEntity ada = ProfessorEntity.find("email", "ada@uni.example.edu").firstResult();
            assertNotNull(ada);
            assertEquals("Physics", ada.department, "the task's department fills a gap");
            assertTrue(ada.verified, "email domain is the profile's site");
            assertEquals(1, ada.papers.size());
            ProfessorEntity alan = ProfessorEntity.find("normalizedName", "alan turing").firstResult();
            assertEquals("Mathematics", alan.department, "a department read on the page wins");
            assertEquals(1, PaperEntity.count("doi", "10.1112/plms/s2-42.1.230"));
            assertEquals(1, alan.papers.size());
        });
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        KafkaTestClients.produce(bootstrap, Topics.RESULTS, "junk", "{not json".getBytes(StandardCharsets.UTF_8));
        String taskId = UUID.randomUUID().toString();
        CrawlTask task = new CrawlTask(1, taskId, "http://after.example.edu/", UNIVERSITY, null, Priority.LOW, 1, 1, Instant.now(), 1, null);
        send(Topics.RESULTS, "junk2", "{\"schemaVersion\":1}");
        send(task.priority().topic(), "after.example.edu", task);

        var dlq = KafkaTestClients.readUntil(bootstrap, Topics.PERSISTENCE_DLQ, rs -> rs.size() >= 2, Duration.ofSeconds(60));
        assertTrue(dlq.stream().anyMatch(r -> "junk".equals(r.key())), "bad JSON dead-lettered");
        assertTrue(dlq.stream().anyMatch(r -> "junk2".equals(r.key())), "missing key fields dead-lettered");
        assertTrue(dlq.stream().allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null), "reason travels with the record");
        assertNotNull(await(() -> CrawlTaskEntity.findById(UUID.fromString(taskId))), "later records still stored");
    }

    private void send(String topic, String key, Object event) throws Exception {
        byte[] bytes = event instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : EventJson.mapper().writeValueAsBytes(event);
        KafkaTestClients.produce(bootstrap, topic, key, bytes);
    }

    private static <T> T await(Supplier<T> query) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            T value = QuarkusTransaction.requiringNew().call(query::get);
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 60 s");
    }
}
