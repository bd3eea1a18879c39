package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;

/** API keys and per-key rate limits. */
@QuarkusTest
@TestProfile(ApiKeyIT.KeysConfigured.class)
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = "purpose", value = "keys"))
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class ApiKeyIT {
    public static class KeysConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.open", "false", "api.keys", "key-one,key-two,key-three",
                    "api.rate-limit.capacity", "3", "api.rate-limit.refill-per-second", "1");
        }
    }

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
        org.junit.jupiter.api.Assertions.assertTrue(limited > 0, "a burst past the bucket is limited");
        given().header("X-API-Key", key).when().get(UNKNOWN).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue()).body("status", equalTo(429));
        // The other key is not affected.
        given().header("X-API-Key", "key-two").when().get(UNKNOWN).then().statusCode(404);
    }
}
