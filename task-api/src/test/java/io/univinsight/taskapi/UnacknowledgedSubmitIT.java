package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.taskapi.messaging.AckLosingPublisher;
import io.univinsight.taskapi.messaging.TaskPublisher;

/**
 * A submit whose task reached the broker but whose acknowledgement was lost (503): a retry with
 * the same Idempotency-Key must answer with that task, not queue a second one beside it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class UnacknowledgedSubmitIT {
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    private AckLosingPublisher publisher;

    @BeforeEach
    void publisherThatLosesAnAcknowledgement() {
        publisher = new AckLosingPublisher(bootstrap);
        QuarkusMock.installMockForType(publisher, TaskPublisher.class);
    }

    @AfterEach
    void closePublisher() {
        publisher.shutDown();
    }

    @Test
    void aRetryWithTheSameKeyFindsTheTaskOfTheUnacknowledgedSend() {
        String key = "uncertain-" + UUID.randomUUID();
        String url = "https://unacked.example.edu/" + UUID.randomUUID();
        String body = "{\"url\":\"" + url + "\",\"universityName\":\"Unacknowledged U\"}";

        publisher.loseNextAcknowledgement();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/tasks")
                .then().statusCode(503).header("Retry-After", notNullValue());
        List<CrawlTask> queued = queuedFor(url, 1);
        assertEquals(1, queued.size(), "the unacknowledged task is on the topic all the same");

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/tasks")
                .then().statusCode(202).body("taskId", equalTo(queued.get(0).taskId()));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/tasks")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("taskId", equalTo(queued.get(0).taskId()));
        // The retry sent the same task again (at-least-once); never a task with another id.
        assertEquals(List.of(queued.get(0).taskId()), queuedFor(url, 2).stream().map(CrawlTask::taskId).distinct().toList());
    }

    private List<CrawlTask> queuedFor(String url, int atLeast) {
        return tasksOf(KafkaTestClients.readUntil(bootstrap, Priority.NORMAL.topic(), rs -> tasksOf(rs, url).size() >= atLeast,
                Duration.ofSeconds(30)), url);
    }

    /** The tasks for this URL among the records (other tests' records, poison included, skipped). */
    private static List<CrawlTask> tasksOf(List<ConsumerRecord<String, byte[]>> records, String url) {
        List<CrawlTask> out = new java.util.ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                CrawlTask t = TASKS.deserialize(r.topic(), r.value());
                if (t != null && url.equals(t.url())) {
                    out.add(t);
                }
            } catch (RuntimeException notATask) {
                // another test's record
            }
        }
        return out;
    }
}
