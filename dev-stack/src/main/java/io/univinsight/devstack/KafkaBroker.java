package io.univinsight.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.univinsight.events.TopicProvisioner;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one JVM),
 * run from the Kafka jars on Maven Central. Formats its storage once, starts, creates the
 * system's topics, then prints {@link #READY_MARKER}. Meant to be the main of a child JVM.
 */
public final class KafkaBroker {
    public static final String READY_MARKER = "UNIV-READY kafka";

    private KafkaBroker() {
    }

    public static void run(Path dir, int port, int controllerPort, int taskPartitions) throws Exception {
        Files.createDirectories(dir);
        Path config = writeConfig(dir, port, controllerPort);
        formatStorageOnce(config);
        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {config.toString()}), "kafka-main");
        broker.start();
        String bootstrap = "127.0.0.1:" + port;
        List<String> created = createTopicsWhenUp(bootstrap, taskPartitions, Duration.ofSeconds(90));
        System.out.println(READY_MARKER + " " + bootstrap + " created topics " + created);
        System.out.flush();
        broker.join();
    }

    static Path writeConfig(Path dir, int port, int controllerPort) throws IOException {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                // One node: every internal topic has one replica.
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=12",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // Topics come from one definition (Topics.all); a typo must not create a new one.
                "auto.create.topics.enable=false",
                "num.partitions=1",
                "log.retention.hours=168",
                "") ;
        Path file = dir.resolve("server.properties");
        Files.writeString(file, props);
        return file;
    }

    private static void formatStorageOnce(Path config) {
        // A formatted folder keeps its cluster id and its records across restarts.
        if (Files.exists(config.getParent().resolve("data").resolve("meta.properties"))) {
            return;
        }
        String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
        PrintStream quiet = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int rc = kafka.tools.StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()}, quiet);
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed with exit code " + rc);
        }
    }

    private static List<String> createTopicsWhenUp(String bootstrap, int partitions, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return TopicProvisioner.ensureTopics(bootstrap, partitions);
            } catch (Exception e) {
                last = e;
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("broker at " + bootstrap + " did not come up", last);
    }
}
