package io.univinsight.persistence.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.univinsight.devstack.ChildJvm;
import io.univinsight.devstack.DevStackClasspath;
import io.univinsight.devstack.EmbeddedPostgresServer;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.PostgresServers;

/**
 * A PostgreSQL of the test's own (the dev-stack embedded one in a child JVM) that the test may
 * stop and start again on the same port and data folder, to cut the database mid-load. Never the
 * machine's shared server. The test finds it through the config values outage.postgres.dir/port.
 */
public class StoppablePostgres implements QuarkusTestResourceLifecycleManager {
    private static final String DATABASE = "univinsight";
    private Path dir;

    @Override
    public Map<String, String> start() {
        int port = ChildJvm.freePort();
        try {
            dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "outage-postgres-").toAbsolutePath();
            start(dir, port);
            PostgresServers.createDatabaseIfMissing("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", DATABASE);
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot start the test's own PostgreSQL: " + e.getMessage(), e);
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "",
                "outage.postgres.dir", dir.toString(),
                "outage.postgres.port", String.valueOf(port));
    }

    /** Starts the server on the folder and port (again, after {@link #stop(Path)}) and waits until it accepts connections. */
    public static void start(Path dir, int port) {
        List<String> command = ChildJvm.devStackCommand(DevStackClasspath.projectRoot(), "256m",
                List.of("postgres", "--dir", dir.toString(), "--port", String.valueOf(port)));
        ManagedProcess process = ManagedProcess.start("postgres", command, Map.of(), dir.resolve("postgres.log"));
        process.writePidFile(dir.resolve("postgres.pid"));
        process.awaitLogLine(EmbeddedPostgresServer.READY_MARKER, Duration.ofSeconds(90));
    }

    /** Stops the server this resource started (SIGTERM to its JVM, by PID) and waits until its port is closed. */
    public static void stop(Path dir, int port) {
        ManagedProcess.fromPidFile("postgres", dir.resolve("postgres.pid")).ifPresent(p -> p.stop(Duration.ofSeconds(20)));
        Instant deadline = Instant.now().plusSeconds(20);
        while (PostgresServers.isListening("127.0.0.1", port) && Instant.now().isBefore(deadline)) {
            sleep();
        }
    }

    @Override
    public void stop() {
        if (dir != null) {
            ManagedProcess.fromPidFile("postgres", dir.resolve("postgres.pid")).ifPresent(p -> p.stop(Duration.ofSeconds(20)));
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a leftover folder under target/ is harmless
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
