package io.univinsight.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fresh Kafka Streams state directory under target/ for each test run: state left by an
 * earlier run (against an earlier broker) would otherwise be restored into this one.
 */
public class StreamsStateDirResource implements QuarkusTestResourceLifecycleManager {
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "kafka-streams-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka-streams.state.dir", dir.toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: it lives under target/
        }
    }
}
