package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.testsupport.InjectKafkaBroker;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;

/** With the broker stopped, a submit is answered 503 with Retry-After, never 202. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "purpose", value = "outage"))
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class KafkaOutageIT {
    @InjectKafkaBroker
    ManagedProcess broker;

    @Test
    void aTaskIsRefusedWith503WhileKafkaIsDown() {
        broker.stop(Duration.ofSeconds(20));
        String body = "{\"url\":\"https://down.example.edu/faculty\",\"universityName\":\"Outage U\"}";
        given().contentType(ContentType.JSON).body(body).when().post("/api/tasks")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503));
        given().contentType("text/csv").body("https://down.example.edu/a,Outage U\n").when().post("/api/tasks/bulk")
                .then().statusCode(503).contentType("application/problem+json");
        given().when().get("/q/health/ready").then().statusCode(503);
    }
}
