package io.univinsight.persistence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.Topics;
import io.univinsight.persistence.testing.ConsumerLag;
import io.univinsight.persistence.testing.EventProducer;
import io.univinsight.persistence.testing.StoppablePostgres;
import io.univinsight.schema.PaperRecord;
import io.univinsight.schema.ProfessorRecord;
import io.univinsight.schema.ResultRecord;

/** PostgreSQL stops in the middle of a load and comes back: consumption pauses, readiness says so, no row is lost. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(StoppablePostgres.class)
class DatabaseOutageIT {
    private static final String UNIVERSITY = "Outage University";
    private static final int RESULTS = 240;
    private static final int PER_RESULT = 3;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "outage.postgres.dir", defaultValue = "unset")
    String postgresDir;
    @ConfigProperty(name = "outage.postgres.port", defaultValue = "0")
    int postgresPort;

    @Test
    void aDatabaseOutageMidLoadLosesNoRow() throws Exception {
        Instant t0 = Instant.parse("2026-11-27T09:00:00Z");
        List<CrawlResult> load = new ArrayList<>();
        for (int i = 0; i < RESULTS; i++) {
            List<CrawlResult.Professor> professors = new ArrayList<>();
            List<CrawlResult.Paper> papers = new ArrayList<>();
            for (int j = 0; j < PER_RESULT; j++) {
                String email = "p" + i + "-" + j + "@outage.example.edu";
                professors.add(new CrawlResult.Professor("Person" + i + " Number" + j, "Professor", email, "Dept " + j, null, 0.9));
                papers.add(new CrawlResult.Paper("Paper " + i + "-" + j, List.of("Person" + i), 2020 + j, "Venue", "10.9/" + i + "-" + j, null, List.of(email)));
            }
            load.add(new CrawlResult(1, UUID.randomUUID().toString(), "http://outage.example.edu/" + i, UNIVERSITY, null, professors, papers,
                    1, "directory", 90, new CrawlResult.Metrics(10, 5, 1, 100, 200, 0, false, 0), t0.plusSeconds(i), "w1", 1));
        }

        try (EventProducer producer = new EventProducer(bootstrap)) {
            load.subList(0, RESULTS / 3).forEach(producer::send);
        }
        awaitTrue(() -> count() > 0, "some rows written before the outage");

        StoppablePostgres.stop(Path.of(postgresDir), postgresPort);
        try (EventProducer producer = new EventProducer(bootstrap)) {
            load.subList(RESULTS / 3, RESULTS).forEach(producer::send);
        }
        awaitTrue(() -> given().get("/q/health/ready").statusCode() == 503, "readiness DOWN while the database is away");
        Thread.sleep(3000); // the consumer backs off meanwhile
        StoppablePostgres.start(Path.of(postgresDir), postgresPort);

        awaitTrue(() -> count() == RESULTS, "every result stored after the database is back");
        ConsumerLag.awaitCaughtUp(bootstrap, "persistence", List.of(Topics.RESULTS), Duration.ofSeconds(60));
        awaitTrue(() -> given().get("/q/health/ready").statusCode() == 200, "ready again");
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(RESULTS, ResultRecord.count());
            assertEquals(RESULTS * PER_RESULT, ProfessorRecord.count("universityName", UNIVERSITY));
            assertEquals(RESULTS * PER_RESULT, PaperRecord.count());
            assertEquals(RESULTS * PER_RESULT, ((Number) ProfessorRecord.getEntityManager()
                    .createNativeQuery("SELECT count(*) FROM professor_papers").getSingleResult()).longValue());
        });
    }

    private static long count() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ResultRecord.count());
        } catch (RuntimeException databaseAway) {
            return -1;
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within 120 s");
    }
}
