package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.taskapi.service.DueRecrawls;
import io.univinsight.taskapi.service.RecrawlSchedules;
import io.univinsight.taskapi.service.TaskService;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;
import jakarta.inject.Inject;

/**
 * Recrawl schedules against the real broker and database: two scheduler instances (as two
 * task-api replicas run them) submit a due recrawl once, a schedule lives in PostgreSQL only, and
 * the university endpoints answer their problems.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class RecrawlScheduleIT {
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    DataSource db;
    @Inject
    TaskService tasks;

    @Test
    void twoSchedulersSubmitADueRecrawlExactlyOnce() throws Exception {
        String url = "https://once.example.edu/faculty/" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"universityName\":\"Once U\",\"priority\":\"high\",\"maxDepth\":1,\"maxPages\":7,\"recrawlEvery\":\"7d\"}")
                .post("/api/tasks").then().statusCode(202).extract().path("taskId");
        makeDue("Once U");

        // Replica A locks the due schedule and stops there; replica B ticks meanwhile and must find nothing to do.
        CountDownLatch aHoldsTheRow = new CountDownLatch(1);
        CountDownLatch releaseA = new CountDownLatch(1);
        DueRecrawls replicaA = new DueRecrawls(db, tasks) {
            @Override
            protected void claimed(RecrawlSchedules.Schedule due) {
                aHoldsTheRow.countDown();
                await(releaseA);
            }
        };
        DueRecrawls replicaB = new DueRecrawls(db, tasks);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> replicaA.submitDue(Instant.now()));
        assertTrue(aHoldsTheRow.await(30, TimeUnit.SECONDS), "replica A never claimed the due schedule");
        assertEquals(0, replicaB.submitDue(Instant.now()), "replica B submitted a recrawl replica A holds");
        releaseA.countDown();
        assertEquals(1, a.get(30, TimeUnit.SECONDS));
        // Advanced in the same transaction: not due any more for either replica.
        assertEquals(0, replicaB.submitDue(Instant.now()));
        assertEquals(0, replicaA.submitDue(Instant.now()));

        List<CrawlTask> sent = tasksOn(Priority.HIGH, Set.of(url));
        assertEquals(2, sent.size(), "the submit and one recrawl: " + sent);
        CrawlTask recrawl = sent.stream().filter(t -> !t.taskId().equals(first)).findFirst().orElseThrow();
        assertEquals("Once U", recrawl.universityName());
        assertEquals(1, recrawl.maxDepth());
        assertEquals(7, recrawl.maxPages());
    }

    @Test
    void schedulersRacingOnManyDueSchedulesSubmitEachOnce() throws Exception {
        String university = "Race U " + UUID.randomUUID();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            urls.add("https://race.example.edu/" + UUID.randomUUID() + "/" + i);
            tasks.scheduleRecrawl(new io.univinsight.taskapi.service.TaskRequest(urls.get(i), university, null, "low", 0, 1, "12h"));
        }
        makeDue(university);
        DueRecrawls one = new DueRecrawls(db, tasks);
        DueRecrawls two = new DueRecrawls(db, tasks);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            await(start);
            return one.submitDue(Instant.now());
        });
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            await(start);
            return two.submitDue(Instant.now());
        });
        assertEquals(12, first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS));
        Map<String, Long> perUrl = tasksOn(Priority.LOW, Set.copyOf(urls)).stream()
                .collect(Collectors.groupingBy(CrawlTask::url, Collectors.counting()));
        assertEquals(urls.stream().collect(Collectors.toMap(u -> u, u -> 1L)), perUrl);
    }

    @Test
    void aUniversityScheduleLivesInTheDatabaseAndRecrawlsItsStartUrlsAtItsPriority() throws Exception {
        String university = "Weekly U " + UUID.randomUUID();
        String people = "https://weekly.example.edu/" + UUID.randomUUID() + "/people";
        String staff = "https://weekly.example.edu/" + UUID.randomUUID() + "/staff";
        String busy = "https://weekly.example.edu/" + UUID.randomUUID() + "/busy";
        insertTask(people, "COMPLETED", university, "low", 3, 50, Instant.now().minusSeconds(600));
        insertTask(people, "FAILED", university, "low", 2, 40, Instant.now().minusSeconds(60)); // the latest parameters win
        insertTask(staff, "COMPLETED", university, "normal", null, null, Instant.now().minusSeconds(60));
        insertTask(busy, "RUNNING", university, "normal", 1, 10, Instant.now().minusSeconds(60));

        Instant beforePut = Instant.now();
        String due = given().contentType(ContentType.JSON).body("{\"every\":\"P7D\",\"priority\":\"critical\"}")
                .put("/api/universities/" + university + "/schedule").then().statusCode(200)
                .body("university", equalTo(university)).body("schedule.every", equalTo("7d"))
                .body("schedule.priority", equalTo("critical")).body("schedule.lastSubmittedAt", nullValue())
                .extract().path("schedule.nextDueAt");
        Instant nextDue = Instant.parse(due);
        assertTrue(!nextDue.isBefore(beforePut.plus(Duration.ofDays(7))) && nextDue.isBefore(Instant.now().plus(Duration.ofDays(7)).plusSeconds(1)),
                "next due one interval after the PUT: " + nextDue);

        // A scheduler created after the PUT (as after a restart) holds nothing but the database: not due yet, then due.
        DueRecrawls afterRestart = new DueRecrawls(db, tasks);
        afterRestart.submitDue(nextDue.minusSeconds(60));
        assertTrue(tasksOn(Priority.CRITICAL, Set.of(people, staff, busy)).isEmpty(), "submitted before it was due");
        afterRestart.submitDue(nextDue.plusSeconds(1));

        List<CrawlTask> sent = tasksOn(Priority.CRITICAL, Set.of(people, staff, busy));
        assertEquals(Set.of(people, staff), sent.stream().map(CrawlTask::url).collect(Collectors.toSet()),
                "each start URL once, the one with a running task left out: " + sent);
        assertEquals(2, sent.size());
        CrawlTask peopleTask = sent.stream().filter(t -> t.url().equals(people)).findFirst().orElseThrow();
        assertEquals(2, peopleTask.maxDepth());
        assertEquals(40, peopleTask.maxPages());
        given().get("/api/universities/" + university + "/schedule").then().statusCode(200)
                .body("schedule.lastSubmittedAt", notNullValue())
                .body("schedule.nextDueAt", equalTo(nextDue.plusSeconds(1).plus(Duration.ofDays(7)).toString()));
    }

    @Test
    void recrawlEveryOnSubmitSchedulesTheStartUrlAndBadIntervalsAreProblems() {
        String university = "Submit U " + UUID.randomUUID();
        String url = "https://submit.example.edu/" + UUID.randomUUID();
        for (String bad : List.of("30m", "0h", "366d", "P400D", "weekly", "PT30M", "", "7 d")) {
            given().contentType(ContentType.JSON)
                    .body("{\"url\":\"" + url + "\",\"universityName\":\"" + university + "\",\"recrawlEvery\":\"" + bad + "\"}")
                    .post("/api/tasks").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("recrawlEvery"));
        }
        given().get("/api/universities/" + university + "/schedule").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "sched-" + UUID.randomUUID())
                .body("{\"url\":\"" + url + "\",\"universityName\":\"" + university + "\",\"priority\":\"low\",\"recrawlEvery\":\"12h\"}")
                .post("/api/tasks").then().statusCode(202);
        given().get("/api/universities/" + university + "/schedule").then().statusCode(200)
                .body("schedule", nullValue()).body("startUrls", hasSize(1))
                .body("startUrls[0].url", equalTo(url)).body("startUrls[0].every", equalTo("12h"))
                .body("startUrls[0].priority", equalTo("low"));
        // Submitted again with another interval: the same schedule, replaced.
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"universityName\":\"" + university + "\",\"recrawlEvery\":\"P2D\"}")
                .post("/api/tasks").then().statusCode(200);
        given().get("/api/universities/" + university + "/schedule").then().statusCode(200)
                .body("startUrls", hasSize(1)).body("startUrls[0].every", equalTo("2d")).body("startUrls[0].priority", equalTo("normal"));
        given().delete("/api/universities/" + university + "/schedule").then().statusCode(204);
        given().get("/api/universities/" + university + "/schedule").then().statusCode(404);
    }

    @Test
    void scheduleAndRecrawlEndpointsAnswerProblems() throws Exception {
        String unknown = "Nowhere U " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"every\":\"7d\"}").put("/api/universities/" + unknown + "/schedule")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).post("/api/universities/" + unknown + "/recrawl")
                .then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/universities/" + unknown + "/schedule").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/universities/" + "x".repeat(101) + "/schedule").then().statusCode(400).body("errors[0].field", equalTo("name"));

        String university = "Known U " + UUID.randomUUID();
        insertTask("https://known.example.edu/" + UUID.randomUUID(), "COMPLETED", university, "normal", 1, 5, Instant.now());
        for (String bad : List.of("{\"every\":\"30m\"}", "{\"every\":\"400d\"}", "{}", "{\"every\":\"7d\",\"priority\":\"urgent\"}")) {
            given().contentType(ContentType.JSON).body(bad).put("/api/universities/" + university + "/schedule")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"every\":\"7d\",\"priority\":\"urgent\"}").put("/api/universities/" + university + "/schedule")
                .then().body("errors[0].field", equalTo("priority"));
        given().contentType(ContentType.JSON).body("").put("/api/universities/" + university + "/schedule")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"every\":").put("/api/universities/" + university + "/schedule")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").post("/api/universities/" + university + "/recrawl").then().statusCode(415);
        given().contentType(ContentType.JSON).body("{\"every\":\"24h\"}").put("/api/universities/" + university + "/schedule")
                .then().statusCode(200).body("schedule.every", equalTo("1d")).body("schedule.priority", equalTo("normal"));
        given().delete("/api/universities/" + university + "/schedule").then().statusCode(204);
        given().delete("/api/universities/" + university + "/schedule").then().statusCode(404);
    }

    @Test
    void recrawlNowSubmitsOneTaskPerStartUrl() throws Exception {
        String university = "Now U " + UUID.randomUUID();
        String a = "https://now.example.edu/" + UUID.randomUUID() + "/a";
        String b = "https://now.example.edu/" + UUID.randomUUID() + "/b";
        insertTask(a, "COMPLETED", university, "low", 1, 5, Instant.now().minusSeconds(60));
        insertTask(a, "COMPLETED", university, "low", 1, 5, Instant.now().minusSeconds(30));
        insertTask(b, "FAILED", university, "low", 0, 1, Instant.now().minusSeconds(30));
        List<String> ids = given().contentType(ContentType.JSON).post("/api/universities/" + university + "/recrawl").then().statusCode(202)
                .body("startUrls", equalTo(2)).body("submitted", equalTo(2)).body("tasks", hasSize(2))
                .extract().path("tasks.taskId");
        List<CrawlTask> sent = tasksOn(Priority.LOW, Set.of(a, b));
        assertEquals(Set.copyOf(ids), sent.stream().map(CrawlTask::taskId).collect(Collectors.toSet()));
        // Asked again while those are pending here: the same tasks answered, none added.
        given().contentType(ContentType.JSON).post("/api/universities/" + university + "/recrawl").then().statusCode(202)
                .body("submitted", equalTo(0)).body("tasks.taskId", equalTo(ids));
        assertEquals(2, tasksOn(Priority.LOW, Set.of(a, b)).size());
    }

    /** Pulls the due time of the university's schedules into the past. */
    private void makeDue(String university) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "UPDATE task_api_recrawl_schedules SET next_due_at = ? WHERE university_name = ?")) {
            st.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
            st.setString(2, university);
            assertTrue(st.executeUpdate() > 0);
        }
    }

    /** Every task on the priority's topic (read to its end) whose URL is one of these. */
    private List<CrawlTask> tasksOn(Priority priority, Set<String> urls) {
        List<CrawlTask> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(priority.topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    CrawlTask task = TASKS.deserialize(r.topic(), r.value());
                    if (urls.contains(task.url())) {
                        found.add(task);
                    }
                });
            }
            assertTrue(partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p)), "topic not read to its end");
        }
        return found;
    }

    private void insertTask(String url, String status, String university, String priority, Integer maxDepth, Integer maxPages,
                            Instant created) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO crawl_tasks"
                + " (id, url, university_name, status, priority, max_depth, max_pages, created_at, attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            st.setObject(1, UUID.randomUUID());
            st.setString(2, url);
            st.setString(3, university);
            st.setString(4, status);
            st.setString(5, priority);
            st.setObject(6, maxDepth);
            st.setObject(7, maxPages);
            st.setTimestamp(8, Timestamp.from(created));
            st.executeUpdate();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
