package io.univinsight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.devstack.PostgresServers;
import io.univinsight.testsupport.KafkaTestClients;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.Topics;
import io.univinsight.persistence.retention.MetricsRetention;
import io.univinsight.persistence.testing.ConsumerLag;
import io.univinsight.persistence.testing.EventProducer;
import io.univinsight.persistence.testing.Replay;
import io.univinsight.persistence.testing.TableDump;
import io.univinsight.schema.MetricsRecord;
import io.univinsight.schema.PaperRecord;
import io.univinsight.schema.ProfessorPaperLink;
import io.univinsight.schema.ProfessorRecord;
import io.univinsight.schema.ResultRecord;
import io.univinsight.schema.TaskRecord;
import jakarta.inject.Inject;

/** Events on the real broker become rows in a real PostgreSQL, once, whatever the order; a replay changes nothing. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlEventsPersistenceIT {
    private static final String UNIVERSITY = "Persistence Test University";
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    java.util.Optional<String> passwordConfig;
    @Inject
    DataSource dataSource;
    @Inject
    MetricsRetention retention;

    private String password() {
        return passwordConfig.orElse("");
    }

    @Test
    @Order(1)
    void aTaskItsStatusesAndItsResultBecomeRowsOnceEvenWhenRedeliveredOutOfOrder() throws Exception {
        String taskId = UUID.randomUUID().toString();
        CrawlTask task = new CrawlTask(1, taskId, "http://uni.example.edu/faculty", UNIVERSITY, "Physics", Priority.HIGH, 2, 50, T0, 1, null,
                io.univinsight.events.RenderMode.ALWAYS);
        TaskStatusChanged running = new TaskStatusChanged(1, taskId, TaskStatus.RUNNING, T0.plusSeconds(1), "w1", 1, null, task.url(), UNIVERSITY, Priority.HIGH);
        TaskStatusChanged completed = new TaskStatusChanged(1, taskId, TaskStatus.COMPLETED, T0.plusSeconds(5), "w1", 1, null, task.url(), UNIVERSITY, Priority.HIGH);
        CrawlResult result = new CrawlResult(1, taskId, task.url(), UNIVERSITY, "Physics",
                List.of(new CrawlResult.Professor("Ada Lovelace", "Professor", "ADA@uni.example.edu", null, "http://uni.example.edu/ada", 0.9),
                        new CrawlResult.Professor("Alan Turing", "Associate Professor", null, "Mathematics", null, 0.8),
                        new CrawlResult.Professor("Grace Hopper", "Professor", "grace@uni.example.edu", null, null, 0.85,
                                CrawlResult.Professor.EMAIL_FORM_IMAGE)),
                List.of(new CrawlResult.Paper("On Computable Numbers", List.of("Alan Turing"), 1936, "Proc. LMS", "10.1112/PLMS/s2-42.1.230", null, List.of("Alan Turing")),
                        new CrawlResult.Paper("Notes on the Analytical Engine", List.of("Ada Lovelace"), 1843, null, null, null, List.of("ada@uni.example.edu"))),
                7, "directory+profile", 85, new CrawlResult.Metrics(5000, 3000, 200, 123456, 200, 1, false, 1800, 3, 45000, 2),
                T0.plusSeconds(5), "w1", 1);

        try (EventProducer events = new EventProducer(bootstrap)) {
            // Out of order and twice: the completion and result before the task record itself.
            for (Object e : List.of(completed, result, running, task, result, running)) {
                events.send(e);
            }
        }

        TaskRecord row = await(() -> {
            TaskRecord t = TaskRecord.findById(UUID.fromString(taskId));
            // maxDepth comes only with the task record: the status events (which carry the priority too) are not enough.
            return t != null && t.maxDepth != null && "high".equals(t.priority) && t.startedAt != null && t.completedAt != null ? t : null;
        });
        assertEquals(TaskStatus.COMPLETED, row.status);
        assertEquals(task.url(), row.url);
        assertEquals(T0, row.createdAt);
        assertEquals(T0.plusSeconds(1), row.startedAt);
        assertEquals(T0.plusSeconds(5), row.completedAt);
        assertEquals("w1", row.workerId);
        assertEquals(2, row.maxDepth);
        assertEquals(50, row.maxPages);
        assertEquals("Physics", row.department);
        assertEquals(UNIVERSITY, row.universityName);
        assertEquals("always", row.render, "the task's render mode is kept (a retry renders as asked)");

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1, ResultRecord.count("taskId", UUID.fromString(taskId)));
            ResultRecord stored = ResultRecord.find("taskId", UUID.fromString(taskId)).firstResult();
            // every column of the result's row, as the crawler reported it
            assertEquals(3, stored.professorsCount);
            assertEquals(2, stored.papersCount);
            assertEquals(7, stored.pagesFetched);
            assertEquals(85, stored.accuracyScore);
            assertEquals("directory+profile", stored.extractionMethod);
            assertEquals(T0.plusSeconds(5), stored.createdAt, "stored at the time the result was completed");
            assertEquals(3, stored.cacheHits, "pages taken from the last visit");
            assertEquals(45000, stored.bytesSaved);
            assertNull(stored.emptyReason, "professors were found");
            assertEquals(2, stored.pagesRendered);
            assertEquals(1, MetricsRecord.count("taskId", UUID.fromString(taskId)));
            MetricsRecord metrics = MetricsRecord.find("taskId", UUID.fromString(taskId)).firstResult();
            assertTrue(metrics.rendered, "pages were rendered");
            assertEquals(1800, metrics.jsRenderingTimeMs);
            assertEquals(5000, metrics.totalTimeMs);
            assertEquals(3000, metrics.fetchTimeMs);
            assertEquals(200, metrics.parseTimeMs);
            assertEquals(123456, metrics.bytesFetched);
            assertEquals(7, metrics.pagesFetched);
            assertEquals(1, metrics.httpErrors);
            assertFalse(metrics.cacheHit);
            assertEquals(T0.plusSeconds(5), metrics.createdAt);
            assertEquals(3, ProfessorRecord.count("universityName", UNIVERSITY));
            ProfessorRecord grace = ProfessorRecord.find("email", "grace@uni.example.edu").firstResult();
            assertEquals("image", grace.emailForm, "an email read off a picture is stored as such");
            ProfessorRecord ada = ProfessorRecord.find("email", "ada@uni.example.edu").firstResult();
            assertNotNull(ada);
            assertEquals("Physics", ada.department, "the task's department fills a gap");
            assertNull(ada.emailForm, "a text email has no form of its own");
            assertTrue(ada.verified, "email domain is the university site's");
            assertEquals(1, ProfessorPaperLink.count("professorId", ada.id));
            ProfessorRecord alan = ProfessorRecord.find("normalizedName", "alan turing").firstResult();
            assertEquals("Mathematics", alan.department, "a department read on the page wins");
            assertFalse(alan.verified, "no email, not verified");
            assertEquals(1, PaperRecord.count("doi", "10.1112/plms/s2-42.1.230"));
            assertEquals(1, ProfessorPaperLink.count("professorId", alan.id));
        });
    }

    @Test
    @Order(2)
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String taskId = UUID.randomUUID().toString();
        CrawlTask task = new CrawlTask(1, taskId, "http://after.example.edu/", UNIVERSITY, null, Priority.LOW, 1, 1, T0, 1, null);
        String tooLong = "U".repeat(300); // university_name is VARCHAR(100): mappable, but the database refuses it
        CrawlTask unstorable = new CrawlTask(1, UUID.randomUUID().toString(), "http://after.example.edu/x", tooLong, null, Priority.LOW, 1, 1, T0, 1, null);
        try (EventProducer events = new EventProducer(bootstrap)) {
            events.raw(Topics.RESULTS, "junk", "{not json");
            events.raw(Topics.RESULTS, "junk2", "{\"schemaVersion\":1}");
            events.raw(Topics.TASK_STATUS, "junk3", "{\"taskId\":\"not-a-uuid\",\"status\":\"RUNNING\",\"at\":\"2026-11-27T08:00:00Z\",\"attempt\":1}");
            events.send(unstorable);
            events.send(task);
        }

        var dlq = KafkaTestClients.readUntil(bootstrap, Topics.PERSISTENCE_DLQ, rs -> rs.size() >= 4, Duration.ofSeconds(60));
        assertTrue(dlq.stream().anyMatch(r -> "junk".equals(r.key())), "bad JSON dead-lettered");
        assertTrue(dlq.stream().anyMatch(r -> "junk2".equals(r.key())), "missing key fields dead-lettered");
        assertTrue(dlq.stream().anyMatch(r -> "junk3".equals(r.key())), "a task id that is not a UUID dead-lettered");
        assertTrue(dlq.stream().anyMatch(r -> reason(r).contains("22001")), "a row the database refuses dead-lettered with the SQL state");
        assertTrue(dlq.stream().allMatch(r -> r.headers().lastHeader(DeadLetterHeaders.REASON) != null
                && r.headers().lastHeader(DeadLetterHeaders.TOPIC) != null), "reason and origin travel with the record");
        assertNotNull(await(() -> TaskRecord.findById(UUID.fromString(taskId))), "later records still stored");
    }

    @Test
    @Order(3)
    void statusOnlyMovesForwardWhateverTheOrderAndDuplicates() throws Exception {
        Random random = new Random(42);
        List<Object> events = new ArrayList<>();
        List<String> completed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> cancelled = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String id = UUID.randomUUID().toString();
            String url = "http://sm" + i + ".example.edu/people";
            Instant t = T0.plusSeconds(100L * i);
            CrawlTask task = new CrawlTask(1, id, url, UNIVERSITY, "CS", Priority.NORMAL, 1, 10, t, 1, null);
            events.add(task);
            switch (i % 3) {
                case 0 -> {
                    completed.add(id);
                    events.add(status(task, TaskStatus.RUNNING, t.plusSeconds(1), "w1", 1, null));
                    events.add(status(task, TaskStatus.RETRYING, t.plusSeconds(2), "w1", 1, "timeout"));
                    events.add(status(task, TaskStatus.RUNNING, t.plusSeconds(10), "w2", 2, null));
                    events.add(new CrawlResult(1, id, url, UNIVERSITY, "CS", List.of(), List.of(), 3, "directory", 70,
                            new CrawlResult.Metrics(10, 5, 1, 100, 200, 0, false, 0), t.plusSeconds(15), "w2", 2));
                    events.add(status(task, TaskStatus.COMPLETED, t.plusSeconds(15), "w2", 2, null));
                }
                case 1 -> {
                    failed.add(id);
                    events.add(status(task, TaskStatus.RUNNING, t.plusSeconds(1), "w1", 1, null));
                    events.add(status(task, TaskStatus.RETRYING, t.plusSeconds(2), "w1", 1, "HTTP 503"));
                    events.add(status(task, TaskStatus.RUNNING, t.plusSeconds(5), "w3", 2, null));
                    events.add(status(task, TaskStatus.RETRYING, t.plusSeconds(6), "w3", 2, "HTTP 503"));
                    events.add(status(task, TaskStatus.RUNNING, t.plusSeconds(9), "w1", 3, null));
                    events.add(status(task, TaskStatus.FAILED, t.plusSeconds(10), "w1", 3, "gave up after 3 attempts"));
                }
                default -> {
                    cancelled.add(id);
                    events.add(status(task, TaskStatus.CANCELLED, t.plusSeconds(3), null, 1, "cancelled by user"));
                    events.add(status(task, TaskStatus.RUNNING, t.plusSeconds(4), "w1", 1, null)); // too late
                }
            }
        }
        List<Object> shuffled = new ArrayList<>(events);
        for (Object e : events) {
            if (random.nextBoolean()) {
                shuffled.add(e); // duplicated
            }
        }
        Collections.shuffle(shuffled, random);
        try (EventProducer producer = new EventProducer(bootstrap)) {
            shuffled.forEach(producer::send);
            Collections.shuffle(events, random);
            events.subList(0, events.size() / 2).forEach(producer::send); // redelivered later
        }
        ConsumerLag.awaitCaughtUp(bootstrap, "persistence", allTopics(), Duration.ofSeconds(60));

        QuarkusTransaction.requiringNew().run(() -> {
            for (String id : completed) {
                TaskRecord t = TaskRecord.findById(UUID.fromString(id));
                assertEquals(TaskStatus.COMPLETED, t.status, id);
                assertEquals(1, t.retryCount);
                assertEquals(2, t.attempt);
                assertEquals("w2", t.workerId);
                assertEquals(t.createdAt.plusSeconds(1), t.startedAt, "first start kept");
                assertEquals(t.createdAt.plusSeconds(15), t.completedAt);
                assertEquals(1, ResultRecord.count("taskId", t.id));
            }
            for (String id : failed) {
                TaskRecord t = TaskRecord.findById(UUID.fromString(id));
                assertEquals(TaskStatus.FAILED, t.status, id);
                assertEquals(2, t.retryCount);
                assertEquals(t.createdAt.plusSeconds(1), t.startedAt);
                assertEquals(t.createdAt.plusSeconds(10), t.completedAt);
                assertEquals("gave up after 3 attempts", t.lastError);
            }
            for (String id : cancelled) {
                TaskRecord t = TaskRecord.findById(UUID.fromString(id));
                assertEquals(TaskStatus.CANCELLED, t.status, id);
                assertEquals(t.createdAt.plusSeconds(3), t.completedAt);
                assertEquals("cancelled by user", t.lastError);
            }
        });
    }

    @Test
    @Order(4)
    void onePersonAndOnePaperOneRowWithMergedFields() throws Exception {
        String university = "Merge University";
        String site = "http://www.merge.example.edu/faculty";
        Instant t1 = T0.plusSeconds(1000);
        Instant t2 = T0.plusSeconds(2000);
        CrawlResult first = result(site, university, t1,
                List.of(new CrawlResult.Professor("Kim Min-jun", "Associate Professor", "MJKIM@merge.example.edu", null, null, 0.7),
                        new CrawlResult.Professor("José Álvarez", "Professor", null, "Physics", null, 0.6)),
                List.of(new CrawlResult.Paper("Deep Learning for Crawling", List.of("M. Kim"), 2024, null, null, null, List.of("mjkim@merge.example.edu")),
                        new CrawlResult.Paper("Graph Things", List.of("J. Alvarez"), 2023, "GraphConf", "10.1/GT", null, List.of("José Álvarez"))));
        CrawlResult second = result(site, university, t2,
                List.of(new CrawlResult.Professor("KIM MINJUN", "Professor", null, null, "http://www.merge.example.edu/kim", 0.9),
                        new CrawlResult.Professor("Jose  Alvarez", "", "jalvarez@merge.example.edu", null, null, 0.5)),
                List.of(new CrawlResult.Paper("Deep learning for crawling.", List.of("Minjun Kim", "J. Alvarez"), 2024, "WWW", "https://doi.org/10.5/DLC", null, List.of("Kim Minjun", "jalvarez@merge.example.edu")),
                        new CrawlResult.Paper("Graph things", null, 2023, null, null, null, List.of("jalvarez@merge.example.edu")),
                        new CrawlResult.Paper("An Undated Note", null, null, null, null, null, List.of("Kim Minjun"))));
        CrawlResult older = result(site, university, T0,
                List.of(new CrawlResult.Professor("Min-jun Kim", "Assistant Professor", "mjkim@merge.example.edu", "Computer Science", null, 0.4)),
                List.of());
        try (EventProducer producer = new EventProducer(bootstrap)) {
            List.of(first, second, older, second).forEach(producer::send);
        }
        ConsumerLag.awaitCaughtUp(bootstrap, "persistence", allTopics(), Duration.ofSeconds(60));

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(2, ProfessorRecord.count("universityName", university));
            ProfessorRecord kim = ProfessorRecord.find("email", "mjkim@merge.example.edu").firstResult();
            assertEquals("kim minjun", kim.normalizedName);
            assertEquals("Professor", kim.title, "the newest title wins over older ones, whatever the arrival order");
            assertEquals("Computer Science", kim.department, "an older value fills a gap");
            assertEquals("http://www.merge.example.edu/kim", kim.profileUrl);
            assertTrue(kim.verified, "email at the university's site");
            assertEquals(T0, kim.firstSeenAt);
            assertEquals(t2, kim.updatedAt);
            ProfessorRecord alvarez = ProfessorRecord.find("email", "jalvarez@merge.example.edu").firstResult();
            assertEquals("Professor", alvarez.title, "a title is not overwritten by an empty one");
            assertEquals("Physics", alvarez.department);
            assertEquals(1, PaperRecord.count("normalizedTitle", "deep learning for crawling"), "the DOI upgrades the paper");
            PaperRecord dlc = PaperRecord.find("doi", "10.5/dlc").firstResult();
            assertEquals("Minjun Kim; J. Alvarez", dlc.authors);
            assertEquals("WWW", dlc.venue);
            assertEquals(1, PaperRecord.count("normalizedTitle", "graph things"), "same title and year joins the DOI paper");
            assertEquals(1, PaperRecord.count("normalizedTitle", "an undated note"), "a paper without DOI or year is stored too");
            assertEquals(2, ProfessorPaperLink.count("professorId", kim.id));
            assertEquals(2, ProfessorPaperLink.count("professorId", alvarez.id), "linked to every professor it belongs to");
        });
    }

    @Test
    @Order(5)
    void aPageOfAnotherUniversityListingAKnownEmailMovesNobody() throws Exception {
        // Kim is at Merge University with an email of its own site (test 4); another site lists the same address.
        CrawlResult elsewhere = result("http://people.elsewhere.example.org/directory", "Elsewhere University",
                T0.plusSeconds(3000), List.of(new CrawlResult.Professor("Minjun Kim", "Dean", "mjkim@merge.example.edu",
                        "Business", "http://people.elsewhere.example.org/kim", 0.9)), List.of());
        try (EventProducer producer = new EventProducer(bootstrap)) {
            producer.send(elsewhere);
        }
        ConsumerLag.awaitCaughtUp(bootstrap, "persistence", allTopics(), Duration.ofSeconds(60));

        QuarkusTransaction.requiringNew().run(() -> {
            ProfessorRecord kim = ProfessorRecord.find("email", "mjkim@merge.example.edu").firstResult();
            assertEquals("Merge University", kim.universityName, "only a page on the new university's own site moves a person");
            assertEquals("Professor", kim.title, "another university's title does not overwrite this one's");
            assertEquals("http://www.merge.example.edu/kim", kim.profileUrl);
            assertEquals(0, ProfessorRecord.count("universityName", "Elsewhere University"), "one email, one row");
            assertEquals(T0.plusSeconds(3000), kim.updatedAt, "the sighting still counts as seen");
        });
    }

    @Test
    @Order(6)
    void aProfessorNoLongerListedIsMarkedDepartedAndComesBackWhenListedAgain() throws Exception {
        String university = "Changes University";
        String site = "http://www.changes.example.edu/faculty";
        Instant t1 = T0.plusSeconds(10_000);
        Instant t2 = t1.plusSeconds(7 * 86_400);
        Instant t3 = t2.plusSeconds(7 * 86_400);
        CrawlResult.Professor ada = new CrawlResult.Professor("Ada Byron", "Assistant Professor", "ada@changes.example.edu", "CS", null, 0.9);
        CrawlResult.Professor bob = new CrawlResult.Professor("Bob Smith", "Professor", "bob@changes.example.edu", "CS", null, 0.9);
        CrawlResult.Professor adaPromoted = new CrawlResult.Professor("Ada Byron", "Associate Professor", "ada@changes.example.edu", "CS", null, 0.9);
        CrawlResult first = result(site, university, t1, List.of(ada, bob), List.of());
        // A second directory page of the same crawl dropped Ada too, but this result still lists her: she stays.
        CrawlResult second = departing(result(site, university, t2, List.of(ada), List.of()), List.of(bob, ada));
        CrawlResult third = result(site, university, t3, List.of(adaPromoted, bob),
                List.of(new CrawlResult.Paper("Recrawling Politely", List.of("Ada Byron"), 2026, null, null, null, List.of("ada@changes.example.edu"))));

        sendAndWait(first);
        sendAndWait(second);
        QuarkusTransaction.requiringNew().run(() -> {
            ProfessorRecord b = ProfessorRecord.find("email", "bob@changes.example.edu").firstResult();
            assertEquals(t2, b.departedAt, "no longer listed: departed at the result's time");
            assertEquals(t1, b.lastSeenAt);
            ProfessorRecord a = ProfessorRecord.find("email", "ada@changes.example.edu").firstResult();
            assertNull(a.departedAt, "listed by the same result that reports her gone: active");
            assertEquals(t2, a.lastSeenAt);
            assertEquals(t1, a.firstSeenAt);
        });
        assertEquals(List.of("bob smith departed active->departed " + t2 + " " + second.taskId()), changes(university));

        sendAndWait(third);
        QuarkusTransaction.requiringNew().run(() -> {
            ProfessorRecord b = ProfessorRecord.find("email", "bob@changes.example.edu").firstResult();
            assertNull(b.departedAt, "listed again: active");
            assertEquals(t3, b.lastSeenAt);
            assertEquals(t1, b.firstSeenAt);
            PaperRecord paper = PaperRecord.find("normalizedTitle", "recrawling politely").firstResult();
            assertEquals(t3, paper.firstSeenAt);
            assertEquals(t3, paper.lastSeenAt);
        });
        assertEquals(List.of("bob smith departed active->departed " + t2 + " " + second.taskId(),
                "bob smith returned departed->active " + t3 + " " + third.taskId(),
                "ada byron title Assistant Professor->Associate Professor " + t3 + " " + third.taskId()), changes(university));

        sendAndWait(second); // redelivered: nothing changes
        assertEquals(3, changes(university).size());
        QuarkusTransaction.requiringNew().run(() ->
                assertNull(ProfessorRecord.<ProfessorRecord>find("email", "bob@changes.example.edu").firstResult().departedAt));
    }

    @Test
    @Order(7)
    void outOfOrderDeliveryGivesTheSameDeparturesAndHistoryAsInOrder() throws Exception {
        Instant t1 = T0.plusSeconds(100_000);
        Instant t2 = t1.plusSeconds(3600);
        Instant t3 = t2.plusSeconds(3600);
        List<List<CrawlResult>> runs = new ArrayList<>();
        for (String university : List.of("In Order University", "Out Of Order University")) {
            String site = "http://" + university.toLowerCase().replace(' ', '-') + ".example.edu/people";
            CrawlResult.Professor carol = new CrawlResult.Professor("Carol Jones", "Lecturer", null, "Math", null, 0.8);
            CrawlResult.Professor dan = new CrawlResult.Professor("Dan Brown", "Assistant Professor", null, "Math", null, 0.8);
            CrawlResult.Professor danPromoted = new CrawlResult.Professor("Dan Brown", "Professor", null, "Statistics", null, 0.8);
            CrawlResult.Professor eve = new CrawlResult.Professor("Eve Adams", "Professor", null, "Math", null, 0.8);
            runs.add(List.of(
                    result(site, university, t1, List.of(carol, dan, eve), List.of()),
                    departing(result(site, university, t2, List.of(carol), List.of()), List.of(dan, eve)),
                    result(site, university, t3, List.of(carol, danPromoted), List.of())));
        }
        for (CrawlResult r : runs.get(0)) {
            sendAndWait(r);
        }
        // Newest first: Eve's departure arrives before any listing of her, Dan's after his return.
        for (CrawlResult r : List.of(runs.get(1).get(2), runs.get(1).get(1), runs.get(1).get(0))) {
            sendAndWait(r);
        }

        List<String> inOrder = changes("In Order University");
        // Names as keyed: accents, case and name order removed ("brown dan").
        assertEquals(List.of("adams eve departed active->departed " + t2, "brown dan departed active->departed " + t2,
                "brown dan department Math->Statistics " + t3, "brown dan returned departed->active " + t3,
                "brown dan title Assistant Professor->Professor " + t3),
                inOrder.stream().map(CrawlEventsPersistenceIT::withoutTask).toList());
        assertEquals(inOrder.stream().map(CrawlEventsPersistenceIT::withoutTask).toList(),
                changes("Out Of Order University").stream().map(CrawlEventsPersistenceIT::withoutTask).toList());
        for (String university : List.of("In Order University", "Out Of Order University")) {
            QuarkusTransaction.requiringNew().run(() -> {
                ProfessorRecord eve = ProfessorRecord.find("universityName = ?1 and normalizedName = ?2", university, "adams eve").firstResult();
                assertEquals(t2, eve.departedAt, university);
                assertEquals(t1, eve.lastSeenAt, university);
                ProfessorRecord dan = ProfessorRecord.find("universityName = ?1 and normalizedName = ?2", university, "brown dan").firstResult();
                assertNull(dan.departedAt, university);
                assertEquals(t3, dan.lastSeenAt, university);
                assertEquals("Professor", dan.title, university);
            });
        }
    }

    private void sendAndWait(CrawlResult r) throws Exception {
        try (EventProducer producer = new EventProducer(bootstrap)) {
            producer.send(r);
        }
        ConsumerLag.awaitCaughtUp(bootstrap, "persistence", allTopics(), Duration.ofSeconds(60));
    }

    /** "name field old->new changedAt task" for a university's history, oldest first. */
    private List<String> changes(String university) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT p.normalized_name, h.field, h.old_value, h.new_value, h.changed_at, h.task_id "
                     + "FROM professor_changes h JOIN professors p ON p.id = h.professor_id WHERE p.university_name = ? "
                     + "ORDER BY h.changed_at, h.field, p.normalized_name")) {
            ps.setString(1, university);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + "->" + rs.getString(4) + " "
                            + rs.getTimestamp(5).toInstant() + " " + rs.getString(6));
                }
            }
        }
        return rows;
    }

    private static String withoutTask(String change) {
        return change.substring(0, change.lastIndexOf(' '));
    }

    private static CrawlResult departing(CrawlResult r, List<CrawlResult.Professor> departed) {
        return new CrawlResult(r.schemaVersion(), r.taskId(), r.url(), r.universityName(), r.department(), r.professors(), r.papers(),
                r.pagesFetched(), r.extractionMethod(), r.accuracyScore(), r.metrics(), r.completedAt(), r.workerId(), r.attempt(), departed);
    }

    @Test
    @Order(90)
    void replayingEveryTopicGivesTheSameTablesAndChangesNothingInTheLiveOnes() throws Exception {
        ConsumerLag.awaitCaughtUp(bootstrap, "persistence", allTopics(), Duration.ofSeconds(60));
        Map<String, List<String>> live;
        try (Connection c = dataSource.getConnection()) {
            live = TableDump.of(c);
        }
        assertTrue(live.get("professors").size() >= 4 && live.get("crawl_tasks").size() >= 10, "the live run wrote rows: " + live.keySet());

        String fresh = "univ_replay_" + Long.toString(System.nanoTime(), 36);
        String serverUrl = PostgresServers.databaseUrl(jdbcUrl, "postgres");
        PostgresServers.createDatabaseIfMissing(serverUrl, user, password(), fresh);
        String freshUrl = PostgresServers.databaseUrl(jdbcUrl, fresh);
        try {
            Flyway.configure().dataSource(freshUrl, user, password()).locations("classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(freshUrl + "?reWriteBatchedInserts=true", user, password())) {
                c.setAutoCommit(false);
                Replay.all(bootstrap, c);
                assertEquals(live, TableDump.of(c), "a replay into a fresh database gives the live tables");
            }
        } finally {
            try (Connection c = DriverManager.getConnection(serverUrl, user, password()); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + fresh + " WITH (FORCE)");
            }
        }

        try (Connection c = DriverManager.getConnection(jdbcUrl + "?reWriteBatchedInserts=true", user, password())) {
            c.setAutoCommit(false);
            Replay.all(bootstrap, c);
            assertEquals(live, TableDump.of(c), "a replay into the live database changes nothing");
        }
    }

    @Test
    @Order(99)
    void metricsOlderThanTheRetentionAreDeleted() throws Exception {
        String oldTask = UUID.randomUUID().toString();
        Instant longAgo = Instant.now().minus(60, ChronoUnit.DAYS);
        try (EventProducer producer = new EventProducer(bootstrap)) {
            producer.send(new CrawlResult(1, oldTask, "http://old.example.edu/", UNIVERSITY, null, List.of(), List.of(), 1, "directory", 50,
                    new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), longAgo, "w1", 1));
        }
        await(() -> MetricsRecord.count("taskId", UUID.fromString(oldTask)) == 1 ? true : null);
        long before = QuarkusTransaction.requiringNew().call(() -> MetricsRecord.count());
        assertEquals(1, retention.purge(Instant.now()));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, MetricsRecord.count("taskId", UUID.fromString(oldTask)));
            assertEquals(before - 1, MetricsRecord.count());
            assertNull(null);
        });
    }

    private static CrawlResult result(String url, String university, Instant at, List<CrawlResult.Professor> professors,
                                      List<CrawlResult.Paper> papers) {
        return new CrawlResult(1, UUID.randomUUID().toString(), url, university, null, professors, papers, 1, "directory", 80,
                new CrawlResult.Metrics(10, 5, 1, 100, 200, 0, false, 0), at, "w1", 1);
    }

    private static TaskStatusChanged status(CrawlTask task, TaskStatus status, Instant at, String worker, int attempt, String error) {
        return new TaskStatusChanged(1, task.taskId(), status, at, worker, attempt, error, task.url(), task.universityName(), task.priority());
    }

    private static List<String> allTopics() {
        List<String> topics = new ArrayList<>(Topics.priorityTopics());
        topics.add(Topics.TASK_STATUS);
        topics.add(Topics.RESULTS);
        return topics;
    }

    private static String reason(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r) {
        var h = r.headers().lastHeader(DeadLetterHeaders.REASON);
        return h == null ? "" : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
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
