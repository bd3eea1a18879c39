package io.univinsight.ops.topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.univinsight.events.Topics;

/**
 * Writes the deployment files that create topics from the one definition in
 * {@link Topics#all(Topics.Layout)}: the Strimzi KafkaTopic resources of each Kubernetes overlay and
 * the docker-compose topic step. A test fails when a committed file differs from what this renders.
 */
public final class TopicManifests {
    static final String STRIMZI_API_VERSION = "kafka.strimzi.io/v1";
    static final String STRIMZI_CLUSTER = "univinsight";
    private static final String HEADER = "Generated from crawl-events Topics.all(Layout.%s) by `./univ topics render`: do not edit.";

    /** A generated file: where it goes under the project root, and its text. */
    public record Manifest(String path, String text) {
    }

    private TopicManifests() {
    }

    public static List<Manifest> all() {
        return List.of(
                new Manifest("k8s/overlays/dev/kafka-topics.yaml", kafkaTopics(Topics.Layout.SINGLE_BROKER, "SINGLE_BROKER")),
                new Manifest("k8s/overlays/prod/kafka-topics.yaml", kafkaTopics(Topics.Layout.THREE_BROKERS, "THREE_BROKERS")),
                new Manifest("deploy/compose/create-topics.sh", composeScript(Topics.Layout.SINGLE_BROKER, "SINGLE_BROKER")));
    }

    /** Writes every manifest under root; returns the paths whose content changed. */
    public static List<String> writeAll(Path root) throws IOException {
        List<String> changed = new ArrayList<>();
        for (Manifest m : all()) {
            Path file = root.resolve(m.path());
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(m.text())) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, m.text(), StandardCharsets.UTF_8);
            if (m.path().endsWith(".sh")) {
                file.toFile().setExecutable(true, false);
            }
            changed.add(m.path());
        }
        return changed;
    }

    static String kafkaTopics(Topics.Layout layout, String layoutName) {
        StringBuilder y = new StringBuilder("# ").append(HEADER.formatted(layoutName)).append('\n');
        boolean first = true;
        for (Topics.TopicSpec t : Topics.all(layout)) {
            if (!first) {
                y.append("---\n");
            }
            first = false;
            y.append("apiVersion: ").append(STRIMZI_API_VERSION).append('\n')
                    .append("kind: KafkaTopic\n")
                    .append("metadata:\n")
                    .append("  name: ").append(resourceName(t.name())).append('\n')
                    .append("  labels:\n")
                    .append("    strimzi.io/cluster: ").append(STRIMZI_CLUSTER).append('\n')
                    .append("spec:\n")
                    .append("  topicName: ").append(t.name()).append('\n')
                    .append("  partitions: ").append(t.partitions()).append('\n')
                    .append("  replicas: ").append(t.replicationFactor()).append('\n')
                    .append("  config:\n");
            for (Map.Entry<String, String> c : t.configs().entrySet()) {
                y.append("    ").append(c.getKey()).append(": \"").append(c.getValue()).append("\"\n");
            }
        }
        return y.toString();
    }

    static String composeScript(Topics.Layout layout, String layoutName) {
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# ").append(HEADER.formatted(layoutName)).append('\n')
                .append("# Run by docker-compose's kafka-topics step in the apache/kafka image; safe to run again.\n")
                .append("set -eu\n")
                .append("BOOTSTRAP=\"${BOOTSTRAP:-kafka:9092}\"\n")
                .append("KAFKA_TOPICS=\"${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}\"\n");
        for (Topics.TopicSpec t : Topics.all(layout)) {
            sh.append("\"$KAFKA_TOPICS\" --bootstrap-server \"$BOOTSTRAP\" --create --if-not-exists --topic ").append(t.name())
                    .append(" --partitions ").append(t.partitions())
                    .append(" --replication-factor ").append(t.replicationFactor());
            for (Map.Entry<String, String> c : t.configs().entrySet()) {
                sh.append(" --config ").append(c.getKey()).append('=').append(c.getValue());
            }
            sh.append('\n');
        }
        sh.append("echo \"UnivInsight topics ready on $BOOTSTRAP\"\n");
        return sh.toString();
    }

    /** Kubernetes names allow no dots here: crawl.tasks.critical becomes crawl-tasks-critical (topicName keeps the real name). */
    static String resourceName(String topic) {
        return topic.replace('.', '-').replace('_', '-');
    }
}
