package io.univinsight.ops.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.univinsight.devstack.DevStackClasspath;
import io.univinsight.events.Topics;

/** The committed topic files are exactly what the one definition renders: nobody edited them by hand. */
class TopicManifestsTests {

    @Test
    void committedManifestsMatchTheTopicDefinitions() throws Exception {
        Path root = DevStackClasspath.projectRoot();
        for (TopicManifests.Manifest m : TopicManifests.all()) {
            Path file = root.resolve(m.path());
            assertTrue(Files.exists(file), m.path() + " is missing: run ./univ topics render");
            assertEquals(m.text(), Files.readString(file, StandardCharsets.UTF_8),
                    m.path() + " differs from crawl-events Topics: run ./univ topics render and commit the result");
        }
    }

    @Test
    void everyTopicAppearsOnceInEachManifestWithItsPartitionsAndReplicas() {
        String prod = TopicManifests.kafkaTopics(Topics.Layout.THREE_BROKERS, "THREE_BROKERS");
        String compose = TopicManifests.composeScript(Topics.Layout.SINGLE_BROKER, "SINGLE_BROKER");
        for (Topics.TopicSpec t : Topics.all(Topics.Layout.THREE_BROKERS)) {
            assertEquals(1, count(prod, "topicName: " + t.name() + "\n"), t.name());
            assertTrue(prod.contains("topicName: " + t.name() + "\n  partitions: " + t.partitions() + "\n  replicas: 3\n"), t.name());
            assertEquals(1, count(compose, "--topic " + t.name() + " "), t.name());
        }
        assertTrue(prod.contains("min.insync.replicas: \"2\""), "three replicas need two in sync for acks=all");
        assertEquals(-1, compose.indexOf("min.insync.replicas"), "one broker cannot have two replicas in sync");
    }

    @Test
    void resourceNamesAreValidKubernetesNames() {
        for (Topics.TopicSpec t : Topics.all(Topics.Layout.SINGLE_BROKER)) {
            String name = TopicManifests.resourceName(t.name());
            assertTrue(name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && name.length() <= 63, name);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
