package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.taskapi.service.ApiKeys;
import io.univinsight.testsupport.PostgresTestResource;
import jakarta.inject.Inject;

/** API keys, per-key rate limits, the failed-authentication limit per address, and Idempotency-Keys per API key. */
@QuarkusTest
@TestProfile(ApiKeyIT.KeysConfigured.class)
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "purpose", value = "keys"))
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class ApiKeyIT {
    public static class KeysConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.open", "false", "api.keys", "key-one,key-two,key-three,key-guessed,key-idem-a,key-idem-b",
                    "api.rate-limit.capacity", "3", "api.rate-limit.refill-per-second", "1",
                    "api.rate-limit.failed-auth-capacity", String.valueOf(FAILED_AUTH_CAPACITY),
                    // No failure forgiven during the test: the count below is exact.
                    "api.rate-limit.failed-auth-refill-interval", "1h",
                    // Served and called on 127.0.0.1 (not "localhost", which may be ::1): a socket bound to 127.0.0.2 reaches it.
                    "quarkus.http.host", "127.0.0.1", "quarkus.http.test-host", "127.0.0.1");
        }
    }

    /** Failed authentications an address may have before it is refused; 127.0.0.1 spends 2 in the first test. */
    static final int FAILED_AUTH_CAPACITY = 10;
    /** Another loopback address than the 127.0.0.1 every other request comes from. */
    private static final String GUESSER = "127.0.0.2";

    @TestHTTPResource("/")
    URL server;
    @Inject
    DataSource db;

    private static final String UNKNOWN = "/api/tasks/00000000-0000-0000-0000-000000000001";

    @Test
    void withoutAValidKeyTheAnswerIs401AndHealthStaysOpen() {
        given().when().get(UNKNOWN).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("X-API-Key", "wrong").when().get(UNKNOWN).then().statusCode(401);
        given().header("X-API-Key", "key-three").when().get(UNKNOWN).then().statusCode(404);
        given().header("Authorization", "Bearer key-three").when().get(UNKNOWN).then().statusCode(404);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void eachKeyHasItsOwnTokenBucket() {
        String key = "key-one";
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            int status = given().header("X-API-Key", key).when().get(UNKNOWN).then().extract().statusCode();
            if (status == 429) {
                limited++;
            }
        }
        assertTrue(limited > 0, "a burst past the bucket is limited");
        given().header("X-API-Key", key).when().get(UNKNOWN).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue()).body("status", equalTo(429));
        // The other key is not affected.
        given().header("X-API-Key", "key-two").when().get(UNKNOWN).then().statusCode(404);
    }

    @Test
    void anAddressThatSentTooManyWrongKeysGets429WhateverKeyItSendsNext() throws IOException {
        int unauthorized = 0;
        HttpFromAddress.Answer answer = fromGuesser("guess-0");
        while (answer.status() == 401 && unauthorized < 100) {
            unauthorized++;
            answer = fromGuesser("guess-" + unauthorized);
        }
        assertEquals(FAILED_AUTH_CAPACITY, unauthorized, "wrong keys answered 401 before the address was refused");
        assertEquals(429, answer.status());
        assertNotNull(answer.header("Retry-After"));

        // Refused before the key is checked: the right key gets the same 429, so a guesser learns nothing.
        HttpFromAddress.Answer rightKey = fromGuesser("key-guessed");
        assertEquals(429, rightKey.status(), "the right key from the refused address");
        assertNotNull(rightKey.header("Retry-After"));
        assertTrue(rightKey.header("Content-Type").startsWith("application/problem+json"), rightKey.header("Content-Type"));
        assertEquals(429, HttpFromAddress.get(GUESSER, server, "/api/tasks?limit=1", Map.of()).status(), "no key at all");

        // The same right key from 127.0.0.1, whose budget is its own.
        given().header("X-API-Key", "key-guessed").when().get("/api/tasks?limit=1").then().statusCode(200);
    }

    @Test
    void twoApiKeysSendingTheSameIdempotencyKeyEachGetTheirOwnTask() throws SQLException {
        String idempotencyKey = "shared-" + UUID.randomUUID();
        String taskOfA = submit("key-idem-a", idempotencyKey, "https://idem-a.example.edu/")
                .statusCode(202).header("Idempotent-Replayed", nullValue()).extract().path("taskId");
        String taskOfB = submit("key-idem-b", idempotencyKey, "https://idem-b.example.edu/")
                .statusCode(202).header("Idempotent-Replayed", nullValue()).extract().path("taskId");
        assertNotEquals(taskOfA, taskOfB);

        submit("key-idem-a", idempotencyKey, "https://idem-a.example.edu/")
                .statusCode(202).header("Idempotent-Replayed", "true").body("taskId", equalTo(taskOfA));
        submit("key-idem-b", idempotencyKey, "https://idem-b.example.edu/")
                .statusCode(202).header("Idempotent-Replayed", "true").body("taskId", equalTo(taskOfB));
        assertEquals(Set.of(ApiKeys.fingerprint("key-idem-a"), ApiKeys.fingerprint("key-idem-b")), callersOf(idempotencyKey),
                "each row is scoped by its API key's SHA-256, never the key");
    }

    private Set<String> callersOf(String idempotencyKey) throws SQLException {
        Set<String> callers = new HashSet<>();
        try (Connection c = db.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT caller FROM task_api_idempotency_keys WHERE idempotency_key = ?")) {
            select.setString(1, idempotencyKey);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    callers.add(rs.getString(1));
                }
            }
        }
        return callers;
    }

    private HttpFromAddress.Answer fromGuesser(String apiKey) throws IOException {
        return HttpFromAddress.get(GUESSER, server, "/api/tasks?limit=1", Map.of("X-API-Key", apiKey));
    }

    private static io.restassured.response.ValidatableResponse submit(String apiKey, String idempotencyKey, String url) {
        return given().header("X-API-Key", apiKey).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"universityName\":\"Idempotency U\"}")
                .when().post("/api/tasks").then();
    }
}
