package io.univinsight.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts, inspects and stops the local stack as child processes: PostgreSQL (only when none
 * is reachable), the Kafka broker, the four services and the demo site. PID files under the
 * state folder let `down` and `status` find them from another run.
 */
public final class StackLauncher {
    private static final String DATABASE = "univinsight";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public StackLauncher(StackSettings settings) {
        this.settings = settings;
    }

    public StackSettings settings() {
        return settings;
    }

    /** Live processes recorded by an earlier start. */
    public Map<StackComponent, ManagedProcess> running() {
        Map<StackComponent, ManagedProcess> live = new EnumMap<>(StackComponent.class);
        for (StackComponent c : StackComponent.values()) {
            Path pidFile = pidFile(c);
            if (Files.exists(pidFile)) {
                ManagedProcess.fromPidFile(c.id(), pidFile).filter(ManagedProcess::isAlive).ifPresent(p -> live.put(c, p));
            }
        }
        return live;
    }

    /**
     * Starts whatever is not running yet. Returns false (and starts nothing) when the
     * services already run. On failure it stops what it started and rethrows.
     */
    public boolean up(boolean withDemoSite) {
        Map<StackComponent, ManagedProcess> live = running();
        if (live.containsKey(StackComponent.TASK_API)) {
            if (withDemoSite && !live.containsKey(StackComponent.DEMO_SITE)) {
                startDemoSite();
            }
            return false;
        }
        List<StackComponent> started = new ArrayList<>();
        Thread stopOnInterrupt = new Thread(() -> stopAll(started), "univ-stop-on-interrupt");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            checkPortsFree(live);
            Database db = startOrFindPostgres(started);
            startKafka(started);
            Map<String, String> dbEnv = db.env();
            startService(StackComponent.PERSISTENCE, settings.persistencePort(), dbEnv, started);
            awaitReady(StackComponent.PERSISTENCE, settings.persistencePort());
            startService(StackComponent.TASK_API, settings.apiPort(), taskApiEnv(dbEnv), started);
            startService(StackComponent.CRAWLER, settings.crawlerPort(), crawlerEnv(), started);
            startService(StackComponent.MONITOR, settings.monitorPort(), monitorEnv(), started);
            awaitReady(StackComponent.TASK_API, settings.apiPort());
            awaitReady(StackComponent.CRAWLER, settings.crawlerPort());
            awaitReady(StackComponent.MONITOR, settings.monitorPort());
            if (withDemoSite) {
                startDemoSite();
            }
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            return true;
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            stopAll(started);
            throw e;
        }
    }

    /**
     * Starts one component again in a stack whose other parts run (after a crash, say), the way
     * {@link #up} starts it, and waits until it is ready. Does nothing when it runs.
     */
    public void restart(StackComponent c) {
        if (running().containsKey(c)) {
            return;
        }
        List<StackComponent> started = new ArrayList<>();
        switch (c) {
            case POSTGRES -> startOrFindPostgres(started);
            case KAFKA -> startKafka(started);
            case PERSISTENCE -> startService(c, settings.persistencePort(), startOrFindPostgres(started).env(), started);
            case TASK_API -> startService(c, settings.apiPort(), taskApiEnv(startOrFindPostgres(started).env()), started);
            case CRAWLER -> startService(c, settings.crawlerPort(), crawlerEnv(), started);
            case MONITOR -> startService(c, settings.monitorPort(), monitorEnv(), started);
            case DEMO_SITE -> startDemoSite();
            case AUTOSCALER -> throw new IllegalArgumentException("start the autoscaler with startAutoscaler(options)");
        }
        if (c.module() != null) {
            awaitReady(c, portOf(c));
        }
    }

    /** Stops every recorded process, services first. Returns the names stopped. */
    public List<String> down() {
        List<String> stopped = new ArrayList<>();
        List<StackComponent> order = new ArrayList<>(List.of(StackComponent.values()));
        java.util.Collections.reverse(order);
        for (StackComponent c : order) {
            if (stop(c)) {
                stopped.add(c.id());
            }
            if (c == StackComponent.AUTOSCALER) {
                stopped.addAll(stopCrawlerReplicas()); // left behind only if the autoscaler was killed
            }
        }
        return stopped;
    }

    private void stopAll(List<StackComponent> components) {
        List<StackComponent> reversed = new ArrayList<>(components);
        java.util.Collections.reverse(reversed);
        reversed.forEach(this::stop);
    }

    private boolean stop(StackComponent c) {
        Path pidFile = pidFile(c);
        if (!Files.exists(pidFile)) {
            return false;
        }
        Optional<ManagedProcess> p = ManagedProcess.fromPidFile(c.id(), pidFile);
        boolean wasAlive = p.map(ManagedProcess::isAlive).orElse(false);
        boolean gone = p.map(proc -> proc.stop(Duration.ofSeconds(30))).orElse(true);
        if (gone) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException ignored) {
                // the next run overwrites it
            }
        }
        return wasAlive;
    }

    /** One line per component: running or not, PID, health. */
    public List<String> status() {
        Map<StackComponent, ManagedProcess> live = running();
        List<String> lines = new ArrayList<>();
        for (StackComponent c : StackComponent.values()) {
            ManagedProcess p = live.get(c);
            String state = p == null ? "stopped" : "running  pid " + p.pid();
            if (p != null && c.module() != null) {
                state += "  ready: " + (isReady(portOf(c)) ? "UP" : "DOWN") + "  http://127.0.0.1:" + portOf(c);
            }
            lines.add(String.format("%-20s %s", c.id(), state));
        }
        return lines;
    }

    public Path logFile(StackComponent c) {
        return settings.logDir().resolve(c.id() + ".log");
    }

    public List<String> urls() {
        return List.of(
                "Task API       " + settings.apiUrl() + "/api/tasks   (OpenAPI " + settings.apiUrl() + "/q/openapi)",
                "Dashboard      " + settings.monitorUrl() + "/   (JSON " + settings.monitorUrl() + "/api/dashboard)",
                "Health         " + settings.apiUrl() + "/q/health  (each service on ports " + settings.apiPort() + "-" + settings.monitorPort() + ")",
                "Metrics        " + settings.monitorUrl() + "/q/metrics",
                "Kafka          " + settings.kafkaBootstrap(),
                "Logs           " + settings.logDir());
    }

    int portOf(StackComponent c) {
        return switch (c) {
            case TASK_API -> settings.apiPort();
            case CRAWLER -> settings.crawlerPort();
            case PERSISTENCE -> settings.persistencePort();
            case MONITOR -> settings.monitorPort();
            case KAFKA -> settings.kafkaPort();
            case POSTGRES -> settings.embeddedPostgresPort();
            case DEMO_SITE -> settings.demoSitePort();
            case AUTOSCALER -> -1;
        };
    }

    private void checkPortsFree(Map<StackComponent, ManagedProcess> live) {
        Map<StackComponent, String> envNames = Map.of(
                StackComponent.KAFKA, "UNIV_KAFKA_PORT", StackComponent.TASK_API, "UNIV_API_PORT",
                StackComponent.CRAWLER, "UNIV_CRAWLER_PORT", StackComponent.PERSISTENCE, "UNIV_PERSISTENCE_PORT",
                StackComponent.MONITOR, "UNIV_MONITOR_PORT");
        for (var entry : envNames.entrySet()) {
            StackComponent c = entry.getKey();
            if (!live.containsKey(c) && PostgresServers.isListening("127.0.0.1", portOf(c))) {
                throw new IllegalStateException("port " + portOf(c) + " (" + c.id() + ") is in use by another program; "
                        + "stop it or choose another port with " + entry.getValue());
            }
        }
    }

    private record Database(String jdbcUrl, String user, String password) {
        Map<String, String> env() {
            return Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl, "QUARKUS_DATASOURCE_USERNAME", user,
                    "QUARKUS_DATASOURCE_PASSWORD", password);
        }
    }

    private Database startOrFindPostgres(List<StackComponent> started) {
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", PostgresServers.DEFAULT_USER);
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        if (settings.jdbcUrlOverride() != null) {
            return new Database(settings.jdbcUrlOverride(), user, password);
        }
        String server;
        if (!settings.forceEmbeddedPostgres() && PostgresServers.isListening("127.0.0.1", 5432)) {
            server = "jdbc:postgresql://127.0.0.1:5432/postgres";
        } else {
            if (!running().containsKey(StackComponent.POSTGRES)) {
                ManagedProcess pg = startChildJvm(StackComponent.POSTGRES, "256m", List.of("postgres",
                        "--dir", settings.dataDir("postgres").toString(), "--port", String.valueOf(settings.embeddedPostgresPort())), Map.of());
                started.add(StackComponent.POSTGRES);
                pg.awaitLogLine(EmbeddedPostgresServer.READY_MARKER, READY_TIMEOUT);
            }
            server = "jdbc:postgresql://127.0.0.1:" + settings.embeddedPostgresPort() + "/postgres";
        }
        try {
            PostgresServers.createDatabaseIfMissing(server, user, password, DATABASE);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + " on " + server + " as " + user
                    + ": " + e.getMessage() + " (set QUARKUS_DATASOURCE_JDBC_URL/_USERNAME/_PASSWORD to use another)", e);
        }
        return new Database(PostgresServers.databaseUrl(server, DATABASE), user, password);
    }

    private void startKafka(List<StackComponent> started) {
        if (running().containsKey(StackComponent.KAFKA)) {
            return;
        }
        ManagedProcess kafka = startChildJvm(StackComponent.KAFKA, "512m", List.of("kafka",
                "--dir", settings.dataDir("kafka").toString(),
                "--port", String.valueOf(settings.kafkaPort()),
                "--controller-port", String.valueOf(settings.kafkaControllerPort()),
                "--partitions", String.valueOf(settings.taskPartitions())), Map.of());
        started.add(StackComponent.KAFKA);
        kafka.awaitLogLine(KafkaBroker.READY_MARKER, READY_TIMEOUT);
    }

    private void startDemoSite() {
        ManagedProcess site = startChildJvm(StackComponent.DEMO_SITE, "64m",
                List.of("demo-site", "--port", String.valueOf(settings.demoSitePort())), Map.of());
        site.awaitLogLine(DemoSite.READY_MARKER, READY_TIMEOUT);
    }

    private ManagedProcess startChildJvm(StackComponent c, String heap, List<String> args, Map<String, String> env) {
        return startRecorded(c, ChildJvm.devStackCommand(settings.projectRoot(), heap, args), env);
    }

    private ManagedProcess startRecorded(StackComponent c, List<String> command, Map<String, String> env) {
        return record(c, ManagedProcess.start(c.id(), command, env, logFile(c)));
    }

    private void startService(StackComponent c, int port, Map<String, String> extraEnv, List<StackComponent> started) {
        if (running().containsKey(c)) {
            return; // a partly running stack is completed, not doubled
        }
        ManagedProcess p = startQuarkusJar(c, c.id(), port, extraEnv);
        p.writePidFile(pidFile(c));
        started.add(c);
    }

    private ManagedProcess startQuarkusJar(StackComponent c, String id, int port, Map<String, String> extraEnv) {
        Path jar = settings.projectRoot().resolve(c.module()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(c.id() + " is not built (missing " + jar + "): run ./mvnw package -DskipTests");
        }
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", settings.bindHost());
        env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        env.put("QUARKUS_KAFKA_DEVSERVICES_ENABLED", "false");
        List<String> command = new ArrayList<>(List.of(DevStackClasspath.javaBinary()));
        command.addAll(c.jvmOptions());
        command.addAll(List.of("-Djava.io.tmpdir=" + settings.dataDir("tmp-" + id), "-jar", jar.toString()));
        return ManagedProcess.start(id, command, env, settings.logDir().resolve(id + ".log"));
    }

    /** Prefix of the extra crawler processes the autoscaler runs: crawler-service-2, -3, ... */
    public static final String CRAWLER_REPLICA_PREFIX = StackComponent.CRAWLER.id() + "-";

    /** Starts crawler replica number index (2 and up) on a free port, recorded under its own PID file. */
    public ManagedProcess startCrawlerReplica(int index) {
        String id = CRAWLER_REPLICA_PREFIX + index;
        ManagedProcess p = startQuarkusJar(StackComponent.CRAWLER, id, ChildJvm.freePort(), crawlerEnv());
        p.writePidFile(settings.runDir().resolve(id + ".pid"));
        return p;
    }

    /** The live crawler replicas, by index. */
    public java.util.NavigableMap<Integer, ManagedProcess> crawlerReplicas() {
        java.util.NavigableMap<Integer, ManagedProcess> replicas = new java.util.TreeMap<>();
        try (var files = Files.list(settings.runDir())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(CRAWLER_REPLICA_PREFIX) && name.endsWith(".pid")) {
                    int index = Integer.parseInt(name.substring(CRAWLER_REPLICA_PREFIX.length(), name.length() - 4));
                    ManagedProcess.fromPidFile(name, f).filter(ManagedProcess::isAlive).ifPresent(p -> replicas.put(index, p));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no run folder yet, or a stray file: no replicas
        }
        return replicas;
    }

    /** Stops one replica gracefully (the crawler drains its in-flight tasks) and forgets its PID file. */
    public void stopCrawlerReplica(int index) {
        Path pidFile = settings.runDir().resolve(CRAWLER_REPLICA_PREFIX + index + ".pid");
        ManagedProcess.fromPidFile(CRAWLER_REPLICA_PREFIX + index, pidFile).ifPresent(p -> p.stop(Duration.ofSeconds(60)));
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the next sweep retries
        }
    }

    private List<String> stopCrawlerReplicas() {
        Map<Integer, ManagedProcess> replicas = crawlerReplicas();
        replicas.keySet().parallelStream().forEach(this::stopCrawlerReplica);
        return replicas.keySet().stream().map(i -> CRAWLER_REPLICA_PREFIX + i).toList();
    }

    /**
     * The autoscaler is operations tooling (ops-tools). The launcher only starts and stops its process,
     * naming its main class instead of importing it, so ops-tools depends on dev-stack and never the reverse.
     */
    public static final String AUTOSCALER_MODULE = "ops-tools";
    public static final String AUTOSCALER_MAIN_CLASS = "io.univinsight.ops.OpsMain";
    /** The line the autoscaler prints once it runs. */
    public static final String AUTOSCALER_READY_MARKER = "UNIV-AUTOSCALER-READY";

    /** Starts the local autoscaler (a child JVM) with the given options: min, max, sync, scale-down-window. */
    public void startAutoscaler(Map<String, String> options) {
        if (running().containsKey(StackComponent.AUTOSCALER)) {
            return;
        }
        List<String> args = new ArrayList<>(List.of("autoscaler"));
        options.forEach((k, v) -> {
            args.add("--" + k);
            args.add(v);
        });
        // The child rebuilds these settings from its environment (a test's private ports included).
        List<String> command = ChildJvm.command(settings.projectRoot(), AUTOSCALER_MODULE, AUTOSCALER_MAIN_CLASS, "96m", args);
        ManagedProcess p = startRecorded(StackComponent.AUTOSCALER, command, settings.toEnv());
        p.awaitLogLine(AUTOSCALER_READY_MARKER, READY_TIMEOUT);
    }

    /** A local stack is open (no API key) unless the user configured keys. */
    private Map<String, String> taskApiEnv(Map<String, String> dbEnv) {
        Map<String, String> env = new HashMap<>(dbEnv);
        if (settings.apiKeys() == null) {
            env.put("API_OPEN", "true");
        } else {
            env.put("API_KEYS", settings.apiKeys());
        }
        return env;
    }

    private Map<String, String> crawlerEnv() {
        return settings.crawlerEnv();
    }

    private Map<String, String> monitorEnv() {
        return Map.of("KAFKA_STREAMS_STATE_DIR", settings.dataDir("monitor-streams").toString());
    }

    private ManagedProcess record(StackComponent c, ManagedProcess p) {
        p.writePidFile(pidFile(c));
        return p;
    }

    private void awaitReady(StackComponent c, int port) {
        ManagedProcess p = running().get(c);
        if (p == null) {
            throw new IllegalStateException(c.id() + " is not running; see " + logFile(c));
        }
        p.awaitCondition(() -> isReady(port), "http://127.0.0.1:" + port + "/q/health/ready", READY_TIMEOUT);
    }

    public boolean isReady(int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path pidFile(StackComponent c) {
        return settings.runDir().resolve(c.id() + ".pid");
    }
}
