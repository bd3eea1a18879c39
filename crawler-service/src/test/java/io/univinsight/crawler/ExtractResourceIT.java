package io.univinsight.crawler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.univinsight.devstack.ChildJvm;
import io.univinsight.devstack.DemoSite;
import io.univinsight.testsupport.KafkaTestResource;

/** POST /api/extract: the dry run over given HTML and over a fetched, guarded URL. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ExtractResourceIT {
    private static DemoSite site;

    @BeforeAll
    static void serve() throws Exception {
        site = DemoSite.start(0);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void htmlInRecordsWithConfidenceExtractorAndEvidenceOut() throws Exception {
        String html;
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream("demo-site/ko/cse/professors.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        given().contentType("text/html; charset=utf-8").body(html.getBytes(StandardCharsets.UTF_8))
                .queryParam("url", "https://cse.example.ac.kr/professors.html").queryParam("university", "Hanbit")
                .when().post("/api/extract")
                .then().statusCode(200)
                .body("professors", hasSize(5))
                .body("professors.name", hasItem("김민준"))
                .body("professors[0].confidence", notNullValue())
                .body("professors[0].extractor", notNullValue())
                .body("professors[0].evidence", notNullValue())
                .body("accuracyScore", notNullValue());
    }

    @Test
    void aUrlIsFetchedThroughTheGuardAndRobots() {
        given().contentType(ContentType.JSON).body("{\"url\":\"" + site.baseUrl() + "/physics/people.html\",\"universityName\":\"Hanbit\"}")
                .when().post("/api/extract")
                .then().statusCode(200).body("professors", hasSize(5));
        given().contentType(ContentType.JSON).body("{\"url\":\"" + site.baseUrl() + "/private/secret.html\"}")
                .when().post("/api/extract")
                .then().statusCode(422).contentType("application/problem+json").body("reason", equalTo("robots"));
        // 127.0.0.2 is loopback but not on the allow-list: refused before any connection.
        given().contentType(ContentType.JSON).body("{\"url\":\"http://127.0.0.2:" + ChildJvm.freePort() + "/\"}")
                .when().post("/api/extract")
                .then().statusCode(422).body("reason", equalTo("blocked-address"));
    }

    @Test
    void badInputIsA400Problem() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/extract").then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"html\":\"<p>x</p>\",\"extractors\":[\"nope\"]}").when().post("/api/extract")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{broken").when().post("/api/extract").then().statusCode(400);
    }
}
