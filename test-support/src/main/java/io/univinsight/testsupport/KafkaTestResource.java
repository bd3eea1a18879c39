package io.univinsight.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.univinsight.devstack.ChildJvm;
import io.univinsight.devstack.DevStackClasspath;
import io.univinsight.devstack.KafkaBroker;
import io.univinsight.devstack.ManagedProcess;

/**
 * Starts a real single-node KRaft Kafka broker in a child JVM on free ports for a Quarkus
 * test, with every topic of the system created, and points the Kafka clients at it.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private ManagedProcess broker;
    private Path dir;

    @Override
    public Map<String, String> start() {
        if (DevServicesOptIn.enabled()) {
            return Map.of();
        }
        String bootstrap = startBroker();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka-streams.bootstrap-servers", bootstrap,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrap);
    }

    /** Starts the broker and returns its bootstrap address (usable outside Quarkus too). */
    public String startBroker() {
        Path root = DevStackClasspath.projectRoot();
        int port = ChildJvm.freePort();
        int controllerPort = ChildJvm.freePort();
        try {
            dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> command = ChildJvm.devStackCommand(root, "512m", List.of("kafka", "--dir", dir.toAbsolutePath().toString(),
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort), "--partitions", "4"));
        broker = ManagedProcess.start("kafka", command, Map.of(), dir.resolve("broker.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> broker.stop(Duration.ofSeconds(10))));
        broker.awaitLogLine(KafkaBroker.READY_MARKER, READY_TIMEOUT);
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return broker;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker, new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, ManagedProcess.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop(Duration.ofSeconds(20));
        }
        TestDirs.deleteQuietly(dir);
    }
}
