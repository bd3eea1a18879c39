package io.univinsight.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.univinsight.events.TopicProvisioner;
import io.univinsight.monitor.streams.MetricsTopology;
import io.univinsight.testsupport.KafkaTestResource;

/**
 * A restarted monitor is live again without waiting out its old session: the topology runs on the
 * real broker with the production Streams properties, is closed as Quarkus closes it on shutdown
 * (without leaving the group), and a new instance with the same configuration must reach RUNNING
 * in a third of the session timeout. A member that does not come back as the same static member
 * waits in REBALANCING until the broker expires the old one, i.e. about the whole session timeout.
 */
class RestartRejoinIT {
    /** A broker of its own, so this group and its state never meet the dashboard tests. */
    private static final KafkaTestResource BROKER = new KafkaTestResource();
    private static String bootstrap;

    @BeforeAll
    static void startBroker() throws Exception {
        bootstrap = BROKER.startBroker();
        TopicProvisioner.ensureTopics(bootstrap, 4);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void aRestartedMonitorRunsWithoutWaitingOutItsOldSession() throws Exception {
        Path stateDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "restart-");
        Properties props = ProductionStreamsProperties.load(bootstrap, stateDir);
        Duration session = sessionTimeout(props);

        KafkaStreams first = new KafkaStreams(new MetricsTopology().buildTopology(), props);
        try {
            first.start();
            awaitRunning(first, Duration.ofSeconds(90));
        } finally {
            first.close(); // as Quarkus does on shutdown: the group keeps the member until its session expires
        }

        Instant restarted = Instant.now();
        KafkaStreams second = new KafkaStreams(new MetricsTopology().buildTopology(), props);
        try {
            second.start();
            // Long enough to see the slow path end, so a failure reports how long it took.
            awaitRunning(second, session.multipliedBy(2));
            Duration took = Duration.between(restarted, Instant.now());
            assertTrue(took.compareTo(session.dividedBy(3)) < 0, "restart to RUNNING took " + took.toMillis() / 1000.0
                    + " s; the old member's session is " + session.toSeconds() + " s");
        } finally {
            second.close(Duration.ofSeconds(30));
            second.cleanUp();
        }
    }

    /** The main consumer's session.timeout.ms: the production setting, or Kafka's default. */
    private static Duration sessionTimeout(Properties props) {
        Object ms = props.getOrDefault(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                ConsumerConfig.configDef().defaultValues().get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        return Duration.ofMillis(Long.parseLong(ms.toString()));
    }

    private static void awaitRunning(KafkaStreams streams, Duration wait) throws InterruptedException {
        Instant deadline = Instant.now().plus(wait);
        while (streams.state() != KafkaStreams.State.RUNNING && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(KafkaStreams.State.RUNNING, streams.state(), "Kafka Streams state after " + wait.toSeconds() + " s");
    }
}
