package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;

/** The task API against a real broker and a real PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class TaskResourceIT {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anAcceptedTaskIsOnItsPriorityTopicKeyedByHostAndReadableAtOnce() {
        String taskId = given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://cs.Example.edu/people/faculty\",\"universityName\":\"Example University\",\"priority\":\"critical\",\"maxDepth\":1,"
                        + "\"render\":\"Always\"}")
                .when().post("/api/tasks")
                .then().statusCode(202)
                .header("Location", containsString("/api/tasks/")).extract().path("taskId");
        // Read-your-writes: the database has not seen it yet, the API still knows it.
        given().when().get("/api/tasks/" + taskId).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("priority", equalTo("critical"))
                .body("maxDepth", equalTo(1))
                .body("maxPages", equalTo(100))
                .body("render", equalTo("always"));

        JsonSerde<CrawlTask> serde = new JsonSerde<>(CrawlTask.class);
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClients.readUntil(bootstrap, Priority.CRITICAL.topic(),
                rs -> rs.stream().anyMatch(r -> serde.deserialize(r.topic(), r.value()).taskId().equals(taskId)), Duration.ofSeconds(30));
        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(r -> serde.deserialize(r.topic(), r.value()).taskId().equals(taskId)).findFirst().orElseThrow();
        CrawlTask task = serde.deserialize(record.topic(), record.value());
        assertEquals("cs.example.edu", record.key());
        assertEquals(Priority.CRITICAL, task.priority());
        assertEquals("Example University", task.universityName());
        assertEquals(1, task.attempt());
        assertEquals(io.univinsight.events.RenderMode.ALWAYS, task.render());
    }

    @Test
    void wrongParametersAndForeignBodiesAreTheClientsError() {
        // Query numbers JAX-RS cannot convert are a 400 naming the parameter, not a 404.
        given().when().get("/api/tasks?limit=99999999999").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("limit"));
        given().when().get("/api/papers?yearFrom=abc").then().statusCode(400).body("errors.field", hasItems("yearFrom"));
        // A priority with a control character is refused, not trimmed into a valid one.
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://ctl.example.edu/\",\"universityName\":\"U\",\"priority\":\"high\\u0007\"}")
                .when().post("/api/tasks").then().statusCode(400).body("errors.field", hasItems("priority"));
        // Cancel and retry take no body: a browser's cross-origin form or text/plain POST cannot call them.
        given().contentType("application/x-www-form-urlencoded").body("a=b")
                .when().post("/api/tasks/00000000-0000-0000-0000-000000000000/retry").then().statusCode(415)
                .contentType("application/problem+json");
        given().contentType("text/plain").body("x")
                .when().post("/api/tasks/00000000-0000-0000-0000-000000000000/cancel").then().statusCode(415);
        given().contentType(ContentType.JSON).when().post("/api/tasks/00000000-0000-0000-0000-000000000000/cancel").then().statusCode(404);
    }

    @Test
    void aBodyIsReadStrictlyAndItsErrorsNameNoJavaType() {
        // Anything after the JSON value, and a fraction where a whole number belongs, are refused, not read around.
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://strict.example.edu/\",\"universityName\":\"U\"} trailing")
                .when().post("/api/tasks").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://strict.example.edu/\",\"universityName\":\"U\",\"maxDepth\":1.5}")
                .when().post("/api/tasks").then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("io.univinsight"))).body("detail", not(containsString("java.")));
        given().contentType(ContentType.JSON).body("[1,2]")
                .when().post("/api/tasks").then().statusCode(400)
                .body("detail", not(containsString("io.univinsight"))).body("detail", not(containsString("TaskRequest")));
    }

    @Test
    void invalidFieldsAreEachNamedInAProblemBody() {
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"ftp://example.edu/x\",\"universityName\":\"\",\"priority\":\"urgent\",\"maxDepth\":9,\"maxPages\":0,"
                        + "\"render\":\"sometimes\"}")
                .when().post("/api/tasks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItems("url", "universityName", "priority", "maxDepth", "maxPages", "render"));
    }

    @Test
    void textTheDatabaseCannotHoldIsRefusedNotAcceptedAndLost() throws Exception {
        // NUL and control characters would be accepted, then refused by PostgreSQL: a lost task.
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://nul.example.edu/\",\"universityName\":\"Uni\\u0000versity\",\"department\":\"CS\\u0007\"}")
                .when().post("/api/tasks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("universityName", "department"));
        // A NUL in a query parameter is a 400 naming it, not a 503 "database unavailable".
        given().urlEncodingEnabled(false).when().get("/api/professors?university=a%00b").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("university"));
        // A request line that is not a valid URI (a malformed percent-escape) is refused by Quarkus's
        // HTTP layer before any application code, with a bare 400: a 4xx, never a 5xx.
        String raw = rawGet("/api/tasks?university=%ZZ");
        assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
        // Invalid UTF-8 (an encoded lone surrogate) is decoded to U+FFFD: ordinary text, an ordinary answer.
        given().urlEncodingEnabled(false).when().get("/api/tasks?university=%ED%A0%80").then().statusCode(200);
    }

    /** A request line no HTTP client library would send, straight over a socket. */
    private static String rawGet(String target) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aBodyThatIsNotJsonIsA400Problem() {
        given().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/tasks")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"));
    }

    @Test
    void unknownAndMalformedTaskIdsAreProblems() {
        given().when().get("/api/tasks/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/tasks/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    @Test
    void healthIncludesKafkaAndTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(containsString("Kafka connection health check"))
                .body(containsString("Database connections health check"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/tasks/bulk")).body(containsString("/api/professors/export"))
                .body(containsString("https://www.cs.example.edu/people/faculty"));
    }
}
