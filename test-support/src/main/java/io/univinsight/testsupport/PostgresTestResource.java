package io.univinsight.testsupport;

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
import io.univinsight.schema.Migrations;

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
    private boolean applySchema;

    /**
     * initArgs: "schema" = "migrations" applies the schema module's migrations from the classpath
     * (for a service that reads tables another service creates).
     */
    @Override
    public void init(Map<String, String> initArgs) {
        applySchema = "migrations".equals(initArgs.get("schema"));
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
        if (applySchema) {
            applyMigrations(url);
        }
        return url;
    }

    private void applyMigrations(String url) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String sql : Migrations.scripts()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot apply the schema migrations: " + e.getMessage(), e);
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
