package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;
import jakarta.inject.Inject;

/** Idempotency, duplicates, cancel, retry, bulk and listing, against the real broker and database. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class TaskLifecycleIT {
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL baseUrl;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    DataSource db;

    private static String body(String url) {
        return "{\"url\":\"" + url + "\",\"universityName\":\"Lifecycle U\"}";
    }

    @Test
    void aRetriedSubmitWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String key = "retry-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body("https://idem.example.edu/a"))
                .post("/api/tasks").then().statusCode(202).extract().path("taskId");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body("https://idem.example.edu/a"))
                .post("/api/tasks").then().statusCode(202).header("Idempotent-Replayed", "true").body("taskId", equalTo(first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body("https://idem.example.edu/other"))
                .post("/api/tasks").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aClaimLeftInProgressByARequestThatDiedIsTakenOverAfterThirtySeconds() throws Exception {
        String key = "abandoned-" + UUID.randomUUID();
        String body = body("https://abandoned.example.edu/a");
        // What a request leaves when its database connection dies between the claim and the send.
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO task_api_idempotency_keys"
                + " (idempotency_key, request_hash, status, created_at) VALUES (?, ?, 0, ?)")) {
            st.setString(1, key);
            st.setString(2, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((body + "|force=false").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            st.setTimestamp(3, Timestamp.from(Instant.now().minusSeconds(31)));
            st.executeUpdate();
        }
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/api/tasks")
                .then().statusCode(202).body("taskId", notNullValue());
    }

    @Test
    void aUrlAlreadyPendingReturnsTheExistingTaskUnlessForced() {
        String url = "https://dup.example.edu/faculty";
        String first = given().contentType(ContentType.JSON).body(body(url)).post("/api/tasks").then().statusCode(202).extract().path("taskId");
        given().contentType(ContentType.JSON).body(body(url)).post("/api/tasks").then().statusCode(200).body("taskId", equalTo(first));
        String forced = given().contentType(ContentType.JSON).body(body(url)).queryParam("force", true).post("/api/tasks")
                .then().statusCode(202).extract().path("taskId");
        assertNotEquals(first, forced);
    }

    @Test
    void aPendingTaskIsCancelledAndTheCrawlersAreTold() {
        String id = given().contentType(ContentType.JSON).body(body("https://cancel.example.edu/x")).post("/api/tasks")
                .then().statusCode(202).extract().path("taskId");
        given().contentType(ContentType.JSON).post("/api/tasks/" + id + "/cancel").then().statusCode(202).body("status", equalTo("CANCELLED"));
        given().get("/api/tasks/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().contentType(ContentType.JSON).post("/api/tasks/" + id + "/cancel").then().statusCode(202).body("status", equalTo("CANCELLED"));
        JsonSerde<TaskStatusChanged> serde = new JsonSerde<>(TaskStatusChanged.class);
        var records = KafkaTestClients.readUntil(bootstrap, Topics.TASK_CANCELLATIONS, rs -> rs.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        assertEquals(TaskStatus.CANCELLED, serde.deserialize("t", records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow().value()).status());
        given().contentType(ContentType.JSON).post("/api/tasks/" + UUID.randomUUID() + "/cancel").then().statusCode(404);
    }

    /**
     * A recrawled task says how many of its pages came from the page-state store and what they saved;
     * a task that found nobody says why; a rendered task says how many pages went through the browser.
     */
    @Test
    void aTaskShowsItsCacheHitsAndWhyItFoundNobody() throws Exception {
        UUID cached = UUID.randomUUID();
        insertTask(cached, "https://cached.example.edu/faculty", "COMPLETED", "Cache U", "normal", Instant.now());
        insertResult(cached, 4, 12, 11, 250000, null, 0);
        UUID scripted = UUID.randomUUID();
        insertTask(scripted, "https://cached.example.edu/lab", "COMPLETED", "Cache U", "normal", Instant.now());
        insertResult(scripted, 0, 1, 0, 0, "render-needed", 0);
        UUID rendered = UUID.randomUUID();
        insertTask(rendered, "https://cached.example.edu/people", "COMPLETED", "Cache U", "normal", Instant.now());
        insertResult(rendered, 0, 2, 0, 0, "render-timeout", 2);
        given().get("/api/tasks/" + cached).then().statusCode(200)
                .body("pagesFetched", org.hamcrest.Matchers.is(12))
                .body("cacheHits", org.hamcrest.Matchers.is(11))
                .body("bytesSaved", org.hamcrest.Matchers.is(250000))
                .body("emptyReason", org.hamcrest.Matchers.nullValue())
                .body("pagesRendered", org.hamcrest.Matchers.is(0));
        given().get("/api/tasks/" + scripted).then().statusCode(200)
                .body("professorsCount", org.hamcrest.Matchers.is(0))
                .body("emptyReason", org.hamcrest.Matchers.is("render-needed"));
        given().get("/api/tasks/" + rendered).then().statusCode(200)
                .body("pagesRendered", org.hamcrest.Matchers.is(2))
                .body("emptyReason", org.hamcrest.Matchers.is("render-timeout"));
    }

    private void insertResult(UUID task, int professors, int pages, int cacheHits, long bytesSaved, String emptyReason,
                              int pagesRendered) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO crawl_results (task_id, "
                + "professors_count, papers_count, pages_fetched, accuracy_score, extraction_method, created_at, cache_hits, bytes_saved, "
                + "empty_reason, pages_rendered) VALUES (?, ?, 0, ?, 80, 'directory', now(), ?, ?, ?, ?)")) {
            st.setObject(1, task);
            st.setInt(2, professors);
            st.setInt(3, pages);
            st.setInt(4, cacheHits);
            st.setLong(5, bytesSaved);
            st.setString(6, emptyReason);
            st.setInt(7, pagesRendered);
            st.executeUpdate();
        }
    }

    @Test
    void onlyAFailedTaskCanBeRetriedAsANewTask() throws Exception {
        UUID failed = UUID.randomUUID();
        UUID running = UUID.randomUUID();
        insertTask(failed, "https://retry.example.edu/", "FAILED", "Retry U", "low", Instant.now());
        insertTask(running, "https://running.example.edu/", "RUNNING", "Retry U", "low", Instant.now());
        String again = given().contentType(ContentType.JSON).post("/api/tasks/" + failed + "/retry").then().statusCode(202)
                .header("X-Retry-Of", failed.toString()).body("status", equalTo("PENDING"))
                .body("url", equalTo("https://retry.example.edu/")).body("priority", equalTo("low")).extract().path("taskId");
        assertNotEquals(failed.toString(), again);
        given().contentType(ContentType.JSON).post("/api/tasks/" + running + "/retry").then().statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/tasks/" + running + "/cancel").then().statusCode(409);
    }

    @Test
    void listsFilterCountAndPageWithACursor() throws Exception {
        Instant base = Instant.parse("2026-01-10T00:00:00Z");
        for (int i = 0; i < 7; i++) {
            insertTask(UUID.randomUUID(), "https://list.example.edu/" + i, i % 2 == 0 ? "COMPLETED" : "FAILED", "List U",
                    i < 3 ? "high" : "normal", base.plusSeconds(i));
        }
        given().queryParam("university", "List U").get("/api/tasks").then().statusCode(200).header("X-Total-Count", "7");
        given().queryParam("university", "List U").queryParam("status", "completed").get("/api/tasks").then().header("X-Total-Count", "4");
        given().queryParam("university", "List U").queryParam("priority", "high").get("/api/tasks").then().header("X-Total-Count", "3");
        given().queryParam("university", "List U").queryParam("createdFrom", "2026-01-10T00:00:02Z").queryParam("createdTo", "2026-01-10T00:00:05Z")
                .get("/api/tasks").then().header("X-Total-Count", "3");
        Set<String> seen = new HashSet<>();
        String cursor = null;
        List<Integer> pageSizes = new ArrayList<>();
        do {
            var request = given().queryParam("university", "List U").queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/tasks");
            page.then().statusCode(200).header("X-Total-Count", "7");
            List<String> ids = page.jsonPath().getList("taskId");
            pageSizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.getHeader("X-Next-Cursor");
        } while (cursor != null);
        assertEquals(7, seen.size());
        assertEquals(List.of(3, 3, 1), pageSizes);
        given().queryParam("status", "sleeping").get("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("cursor", "%%%").get("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void bulkAcceptsJsonNdjsonAndCsvAndReportsBadLinesByNumber() {
        given().contentType(ContentType.JSON)
                .body("[{\"url\":\"https://bulk.example.edu/1\",\"universityName\":\"Bulk U\"},{\"url\":\"nope\",\"universityName\":\"Bulk U\"},"
                        + "{\"url\":\"https://bulk.example.edu/3\",\"universityName\":\"Bulk U\",\"priority\":\"critical\"}]")
                .post("/api/tasks/bulk").then().statusCode(202)
                .body("received", equalTo(3)).body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("url"))
                .body("tasks", hasSize(2));
        given().contentType("application/x-ndjson")
                .body("{\"url\":\"https://bulk.example.edu/n1\",\"universityName\":\"Bulk U\"}\n{broken\n\n{\"url\":\"https://bulk.example.edu/n4\",\"universityName\":\"\"}\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/tasks/bulk").then().statusCode(202)
                .body("accepted", equalTo(1)).body("errors.line", equalTo(List.of(2, 4)));
        given().contentType("text/csv")
                .body("url,university,department,priority\nhttps://bulk.example.edu/c1,Bulk U,Physics,high\n\"https://bulk.example.edu/c2\",\"Bulk, U\",,\nhttps://bulk.example.edu/c3,Bulk U,,urgent\n")
                .post("/api/tasks/bulk").then().statusCode(202)
                .body("accepted", equalTo(2)).body("errors[0].line", equalTo(4)).body("errors[0].field", equalTo("priority"));
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.append("https://bulk.example.edu/m").append(i).append(",Bulk U\n");
        }
        given().contentType("text/csv").body(tooMany.toString()).post("/api/tasks/bulk").then().statusCode(413)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"not\":\"an array\"}").post("/api/tasks/bulk").then().statusCode(400)
                .contentType("application/problem+json");
        // Nothing valid: a problem naming each line.
        given().contentType("application/x-ndjson").body("{\"url\":\"nope\",\"universityName\":\"Bulk U\"}\n[1]\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/tasks/bulk").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("line 1.url", "line 2.line"));
    }

    @Test
    void oversizedWrongTypeAndUnknownPathsAreProblems() {
        String huge = "{\"url\":\"https://x.example.edu/\",\"universityName\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/tasks").then().statusCode(413).contentType("application/problem+json");
        given().contentType(ContentType.XML).body("<task/>").post("/api/tasks").then().statusCode(415).contentType("application/problem+json");
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("[1,2]").post("/api/tasks").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"url\":\"https://x.example.edu/\",\"universityName\":\"U\",\"maxDepth\":\"deep\"}")
                .post("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("maxDepth"));
        given().contentType(ContentType.JSON).body("{\"url\":\"https://x.example.edu/" + "a".repeat(2100) + "\",\"universityName\":\"U\"}")
                .post("/api/tasks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        // A single task's body is small: 100 KB with its length declared is refused before it is read.
        String padded = "{\"url\":\"https://x.example.edu/\",\"universityName\":\"" + "x".repeat(100 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(padded).post("/api/tasks").then().statusCode(413)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("at most 65536"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutAfterTheLimitAndTheServiceGoesOn() throws Exception {
        // 20 MB without a length: the body reader stops at the limit and closes the connection (a 413 could
        // reach a client that reads while it sends); never a 5xx, never the whole body in memory.
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (String path : List.of("/api/tasks", "/api/tasks/bulk")) {
            java.io.InputStream twentyMegabytes = new java.io.SequenceInputStream(java.util.Collections.enumeration(
                    java.util.Collections.nCopies(20, chunk).stream().map(java.io.ByteArrayInputStream::new).toList()));
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path.substring(1)))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> twentyMegabytes)).build();
            try {
                int status = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
                assertEquals(413, status, path);
            } catch (java.io.IOException cut) {
                // the connection closed while the client was still sending: the expected outcome
            }
        }
        given().contentType(ContentType.JSON).body("{\"url\":\"https://chunked.example.edu/after\",\"universityName\":\"Chunked U\"}")
                .post("/api/tasks").then().statusCode(202);
    }

    @Test
    void professorsAndPapersCanBeFilteredPagedAndExported() throws Exception {
        long ada = insertProfessor("Results U", "Mathematics", "Ada Lovelace", "ada@results.example.edu", "Professor");
        insertProfessor("Results U", "Physics", "Lise Meitner", "lise@results.example.edu", "Associate Professor");
        insertProfessor("Other U", "Physics", "Niels Bohr", null, "Professor");
        long paper = insertPaper("Notes on the Analytical Engine", 1843, "Scientific Memoirs", "10.5555/ada.1843");
        insertPaper("Disintegration of Uranium by Neutrons", 1939, "Nature", "10.1038/143239a0");
        link(ada, paper);

        given().queryParam("university", "Results U").get("/api/professors").then().statusCode(200)
                .header("X-Total-Count", "2").body("name", equalTo(List.of("Ada Lovelace", "Lise Meitner")));
        given().queryParam("q", "MEIT").get("/api/professors").then().body("name", equalTo(List.of("Lise Meitner")));
        given().queryParam("university", "Results U").queryParam("title", "associate").get("/api/professors").then().header("X-Total-Count", "1");
        given().get("/api/professors/" + ada).then().statusCode(200).body("professor.name", equalTo("Ada Lovelace"))
                .body("papers.title", equalTo(List.of("Notes on the Analytical Engine")));
        given().get("/api/professors/999999").then().statusCode(404);
        given().queryParam("doi", "10.1038/143239A0").get("/api/papers").then().body("title", equalTo(List.of("Disintegration of Uranium by Neutrons")));
        given().queryParam("yearFrom", 1900).queryParam("yearTo", 1950).get("/api/papers").then().header("X-Total-Count", "1");
        given().queryParam("university", "Results U").get("/api/papers").then().body("doi", equalTo(List.of("10.5555/ada.1843")));
        given().queryParam("limit", 1).get("/api/professors").then().header("X-Next-Cursor", notNullValue());

        String csv = given().accept("text/csv").get("/api/professors/export").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("id,university_name,department,name,title,email"), csv);
        assertEquals(4, csv.split("\r\n").length, csv);
        String ndjson = given().accept("application/x-ndjson").get("/api/papers/export").then().statusCode(200).extract().asString();
        assertEquals(2, ndjson.strip().split("\n").length, ndjson);
        assertTrue(ndjson.contains("\"doi\":\"10.1038/143239a0\""), ndjson);
        given().queryParam("format", "xml").get("/api/papers/export").then().statusCode(400);
    }

    private void insertTask(UUID id, String url, String status, String university, String priority, Instant created) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO crawl_tasks"
                + " (id, url, university_name, status, priority, created_at, attempt) VALUES (?, ?, ?, ?, ?, ?, 1)")) {
            st.setObject(1, id);
            st.setString(2, url);
            st.setString(3, university);
            st.setString(4, status);
            st.setString(5, priority);
            st.setTimestamp(6, Timestamp.from(created));
            st.executeUpdate();
        }
    }

    private long insertProfessor(String university, String department, String name, String email, String title) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO professors"
                + " (university_name, department, name, normalized_name, email, title, first_seen_at, updated_at, last_seen_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, now(), now(), now()) RETURNING id")) {
            st.setString(1, university);
            st.setString(2, department);
            st.setString(3, name);
            st.setString(4, name.toLowerCase());
            st.setString(5, email);
            st.setString(6, title);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private long insertPaper(String title, int year, String venue, String doi) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO papers"
                + " (title, normalized_title, published_year, venue, doi, first_seen_at, updated_at, last_seen_at)"
                + " VALUES (?, ?, ?, ?, ?, now(), now(), now()) RETURNING id")) {
            st.setString(1, title);
            st.setString(2, title.toLowerCase());
            st.setInt(3, year);
            st.setString(4, venue);
            st.setString(5, doi);
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    private void link(long professor, long paper) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO professor_papers VALUES (?, ?)")) {
            st.setLong(1, professor);
            st.setLong(2, paper);
            st.executeUpdate();
        }
    }
}
