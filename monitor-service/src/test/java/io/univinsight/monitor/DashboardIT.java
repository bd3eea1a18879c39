package io.univinsight.monitor;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.devstack.testing.KafkaTestClients;
import io.univinsight.devstack.testing.KafkaTestResource;
import io.univinsight.events.EventJson;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
import io.univinsight.events.WorkerHeartbeat;

/** The dashboard over a real broker: events in, numbers out of the Kafka Streams stores. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class DashboardIT {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void statusEventsAndHeartbeatsShowOnTheDashboard() throws Exception {
        Instant now = Instant.now();
        send(Topics.TASK_STATUS, "t1", new TaskStatusChanged(1, "t1", TaskStatus.RUNNING, now.minusSeconds(3), "w1", 1, null, "http://u/", "Uni A", Priority.HIGH));
        send(Topics.TASK_STATUS, "t1", new TaskStatusChanged(1, "t1", TaskStatus.COMPLETED, now, "w1", 1, null, "http://u/", "Uni A", Priority.HIGH));
        send(Topics.TASK_STATUS, "t2", new TaskStatusChanged(1, "t2", TaskStatus.RUNNING, now, "w1", 1, null, "http://u/", "Uni A", Priority.HIGH));
        send(Topics.WORKER_HEARTBEATS, "w1", new WorkerHeartbeat(1, "w1", 1, 0, 3000, 1, "t2", now, now));

        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Integer completed = given().get("/api/dashboard").then().statusCode(200).extract().path("metrics.completed");
            Integer workers = given().get("/api/dashboard").then().extract().path("workers.size()");
            if (completed != null && completed == 1 && workers != null && workers == 1) {
                break;
            }
            Thread.sleep(250);
        }
        given().get("/api/dashboard").then().statusCode(200)
                .body("metrics.completed", equalTo(1))
                .body("metrics.running", equalTo(1))
                .body("metrics.success_rate", equalTo(1.0f))
                .body("workers[0].worker_id", equalTo("w1"))
                .body("workers[0].current_task", equalTo("t2"))
                .body("queue.total_waiting", equalTo(0))
                .body("health.status", equalTo("healthy"));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Kafka Streams"));
    }

    private void send(String topic, String key, Object event) throws Exception {
        KafkaTestClients.produce(bootstrap, topic, key, EventJson.mapper().writeValueAsBytes(event));
    }
}
