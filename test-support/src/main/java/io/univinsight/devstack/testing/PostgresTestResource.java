package io.univinsight.devstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.univinsight.devstack.ChildJvm;
import io.univinsight.devstack.DevStackClasspath;
import io.univinsight.devstack.EmbeddedPostgresServer;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.PostgresServers;

/**
 * A real PostgreSQL database for a test, fresh each time and dropped afterwards. The server is
 * the one named by QUARKUS_DATASOURCE_JDBC_URL, else the one at 127.0.0.1:5432, else an
 * embedded PostgreSQL started in a child JVM on a free port.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private ManagedProcess embedded;
    private Path embeddedDir;
    private String serverUrl;
    private String user;
    private String password;
    private String database;
    private Path migrations;

    /** initArgs: "migrations" = a folder of V*__*.sql files applied in version order (for services that read a schema another owns). */
    @Override
    public void init(Map<String, String> initArgs) {
        if (initArgs.containsKey("migrations")) {
            migrations = DevStackClasspath.projectRoot().resolve(initArgs.get("migrations"));
        }
    }

    @Override
    public Map<String, String> start() {
        if (DevServicesOptIn.enabled()) {
            return Map.of();
        }
        String jdbcUrl = createDatabase();
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    /** Creates a fresh database and returns its JDBC URL. */
    public String createDatabase() {
        user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", PostgresServers.DEFAULT_USER);
        password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        String configured = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        if (configured != null && !configured.isBlank()) {
            serverUrl = configured;
        } else if (PostgresServers.isListening("127.0.0.1", 5432)) {
            serverUrl = "jdbc:postgresql://127.0.0.1:5432/postgres";
        } else {
            serverUrl = startEmbedded();
        }
        database = "univ_test_" + Long.toString(System.nanoTime(), 36);
        try {
            PostgresServers.createDatabaseIfMissing(serverUrl, user, password, database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + serverUrl + ": " + e.getMessage(), e);
        }
        String url = PostgresServers.databaseUrl(serverUrl, database);
        if (migrations != null) {
            applyMigrations(url);
        }
        return url;
    }

    private void applyMigrations(String url) {
        try (java.util.stream.Stream<Path> files = Files.list(migrations);
             Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            List<Path> ordered = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
            for (Path file : ordered) {
                s.execute(Files.readString(file));
            }
        } catch (java.io.IOException | SQLException e) {
            throw new IllegalStateException("cannot apply migrations from " + migrations + ": " + e.getMessage(), e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private String startEmbedded() {
        int port = ChildJvm.freePort();
        try {
            embeddedDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "postgres-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> command = ChildJvm.devStackCommand(DevStackClasspath.projectRoot(), "256m",
                List.of("postgres", "--dir", embeddedDir.toAbsolutePath().toString(), "--port", String.valueOf(port)));
        embedded = ManagedProcess.start("postgres", command, Map.of(), embeddedDir.resolve("postgres.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> embedded.stop(Duration.ofSeconds(10))));
        embedded.awaitLogLine(EmbeddedPostgresServer.READY_MARKER, Duration.ofSeconds(90));
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void stop() {
        if (database != null && embedded == null) {
            try (Connection c = DriverManager.getConnection(PostgresServers.databaseUrl(serverUrl, "postgres"), user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + database + ": " + e.getMessage());
            }
        }
        if (embedded != null) {
            embedded.stop(Duration.ofSeconds(20));
            TestDirs.deleteQuietly(embeddedDir);
        }
    }
}
