package io.univinsight.systemtests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.univinsight.devstack.ChildJvm;
import io.univinsight.devstack.DevStackClasspath;
import io.univinsight.devstack.ManagedProcess;
import io.univinsight.devstack.StackLauncher;
import io.univinsight.devstack.StackSettings;
import io.univinsight.testsupport.LoadSite;
import io.univinsight.testsupport.PostgresTestResource;

/**
 * A private copy of the local stack for one test class: a fresh database, a fresh state folder
 * (broker log and monitor stores start empty) and free ports, started by the real launcher.
 */
public final class StackUnderTest implements AutoCloseable {
    private final PostgresTestResource postgres = new PostgresTestResource();
    private final String jdbcUrl;
    private final StackLauncher launcher;
    private final List<ManagedProcess> started = new ArrayList<>();
    private final List<AutoCloseable> fixtures = new ArrayList<>();

    /** extraEnv adds or overrides launcher settings (UNIV_TASK_PARTITIONS, CRAWLER_SSRF_ALLOWED_NETWORKS, ...). */
    public StackUnderTest(Map<String, String> extraEnv) {
        jdbcUrl = postgres.createDatabase();
        Map<String, String> env = new HashMap<>();
        env.put("UNIV_STATE_DIR", freshStateDir().toString());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        for (String port : List.of("UNIV_KAFKA_PORT", "UNIV_KAFKA_CONTROLLER_PORT", "UNIV_API_PORT", "UNIV_CRAWLER_PORT",
                "UNIV_PERSISTENCE_PORT", "UNIV_MONITOR_PORT", "UNIV_DEMO_PORT", "UNIV_PG_PORT")) {
            env.put(port, String.valueOf(ChildJvm.freePort()));
        }
        env.put("UNIV_TASK_PARTITIONS", "4");
        env.putAll(extraEnv);
        launcher = new StackLauncher(StackSettings.from(env, DevStackClasspath.projectRoot()));
    }

    public StackUnderTest up(boolean withDemoSite) {
        launcher.up(withDemoSite);
        started.addAll(launcher.running().values());
        return this;
    }

    /** A generated university on hosts 127.0.0.10 and up beside this stack, stopped with it. */
    public LoadSite startLoadSite(int hosts, java.time.Duration latency) throws java.io.IOException {
        LoadSite site = LoadSite.start(hosts, ChildJvm.freePort(), latency);
        fixtures.add(site);
        return site;
    }

    public StackLauncher launcher() {
        return launcher;
    }

    public StackSettings settings() {
        return launcher.settings();
    }

    public Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
    }

    public long count(String sql) throws SQLException {
        return Long.parseLong(single(sql));
    }

    public String single(String sql) throws SQLException {
        try (Connection db = db(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            return rs.getString(1);
        }
    }

    public Set<String> column(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Connection db = db(); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Stops everything through the launcher and checks that no process it started is left. */
    @Override
    public void close() {
        for (AutoCloseable fixture : fixtures) {
            try {
                fixture.close();
            } catch (Exception e) {
                System.err.println("could not stop a fixture: " + e);
            }
        }
        List<ManagedProcess> all = new ArrayList<>(started);
        try {
            all.addAll(launcher.running().values());
            all.addAll(launcher.crawlerReplicas().values());
        } finally {
            launcher.down(); // whatever failed above, no process of this stack outlives the test
            postgres.stop();
        }
        for (ManagedProcess p : all) {
            assertFalse(p.isAlive(), p.name() + " (pid " + p.pid() + ") still runs after down");
        }
    }

    private static Path freshStateDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "univ-state-").toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
