package io.univinsight.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Ports and folders of the local stack. Every value can be overridden by an environment
 * variable, so tests run a private stack on free ports beside a user's own.
 */
public record StackSettings(
        Path projectRoot,
        Path stateDir,
        int kafkaPort,
        int kafkaControllerPort,
        int taskPartitions,
        int embeddedPostgresPort,
        String jdbcUrlOverride,
        int apiPort,
        int crawlerPort,
        int persistencePort,
        int monitorPort,
        int demoSitePort,
        String crawlerAllowedNetworks,
        String crawlerPolitenessDelay,
        String apiKeys,
        boolean forceEmbeddedPostgres,
        String bindHost) {

    public static StackSettings fromEnvironment() {
        return from(System.getenv(), DevStackClasspath.projectRoot());
    }

    public static StackSettings from(Map<String, String> env, Path projectRoot) {
        Path state = env.containsKey("UNIV_STATE_DIR") ? Path.of(env.get("UNIV_STATE_DIR")) : projectRoot.resolve(".univ");
        return new StackSettings(projectRoot, state.toAbsolutePath(),
                port(env, "UNIV_KAFKA_PORT", 9092),
                port(env, "UNIV_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "UNIV_TASK_PARTITIONS", 12),
                port(env, "UNIV_PG_PORT", 5433),
                env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                port(env, "UNIV_API_PORT", 8080),
                port(env, "UNIV_CRAWLER_PORT", 8081),
                port(env, "UNIV_PERSISTENCE_PORT", 8082),
                port(env, "UNIV_MONITOR_PORT", 8083),
                port(env, "UNIV_DEMO_PORT", 8090),
                // The demo university is served on loopback: allow exactly that address by default. Its server
                // alone gets a shorter politeness delay (crawlerEnv); every other host keeps the crawler's
                // default unless CRAWLER_POLITENESS_DELAY says otherwise.
                env.getOrDefault("CRAWLER_SSRF_ALLOWED_NETWORKS", "127.0.0.1/32"),
                env.get("CRAWLER_POLITENESS_DELAY"),
                // API keys for task-api ("key1,key2"); without any, the local API is open.
                env.get("API_KEYS"),
                // Start our own PostgreSQL even when one runs on 5432 (tests that stop it).
                Boolean.parseBoolean(env.getOrDefault("UNIV_EMBEDDED_POSTGRES", "false")),
                // The services listen on loopback only unless told otherwise: a local stack runs open (no
                // API key) and its crawler may fetch 127.0.0.1, so it must not answer the network.
                env.getOrDefault("UNIV_BIND_HOST", "127.0.0.1"));
    }

    /** These settings as the environment variables that recreate them in a child process. */
    public Map<String, String> toEnv() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("UNIV_STATE_DIR", stateDir.toString());
        env.put("UNIV_KAFKA_PORT", String.valueOf(kafkaPort));
        env.put("UNIV_KAFKA_CONTROLLER_PORT", String.valueOf(kafkaControllerPort));
        env.put("UNIV_TASK_PARTITIONS", String.valueOf(taskPartitions));
        env.put("UNIV_PG_PORT", String.valueOf(embeddedPostgresPort));
        if (jdbcUrlOverride != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrlOverride);
        }
        env.put("UNIV_API_PORT", String.valueOf(apiPort));
        env.put("UNIV_CRAWLER_PORT", String.valueOf(crawlerPort));
        env.put("UNIV_PERSISTENCE_PORT", String.valueOf(persistencePort));
        env.put("UNIV_MONITOR_PORT", String.valueOf(monitorPort));
        env.put("UNIV_DEMO_PORT", String.valueOf(demoSitePort));
        env.put("CRAWLER_SSRF_ALLOWED_NETWORKS", crawlerAllowedNetworks);
        if (crawlerPolitenessDelay != null) {
            env.put("CRAWLER_POLITENESS_DELAY", crawlerPolitenessDelay);
        }
        if (apiKeys != null) {
            env.put("API_KEYS", apiKeys);
        }
        env.put("UNIV_EMBEDDED_POSTGRES", String.valueOf(forceEmbeddedPostgres));
        env.put("UNIV_BIND_HOST", bindHost);
        return env;
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + value + "'");
        }
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    public String monitorUrl() {
        return "http://127.0.0.1:" + monitorPort;
    }

    public String demoSiteUrl() {
        return "http://" + demoSiteServer();
    }

    public Path runDir() {
        return ensure(stateDir.resolve("run"));
    }

    public Path logDir() {
        return ensure(stateDir.resolve("logs"));
    }

    public Path dataDir(String name) {
        return ensure(stateDir.resolve("data").resolve(name));
    }

    private static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The demo site's host:port: the one server the local crawler treats as its own (a shorter politeness delay). */
    public String demoSiteServer() {
        return "127.0.0.1:" + demoSitePort;
    }

    /**
     * The crawler's environment: the SSRF allowance for the demo site, and a shorter politeness
     * delay for the demo site's server alone (never for every host: a real university submitted to
     * a local stack gets the crawler's own default, 1 s, unless CRAWLER_POLITENESS_DELAY says otherwise).
     */
    public Map<String, String> crawlerEnv() {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("CRAWLER_SSRF_ALLOWED_NETWORKS", crawlerAllowedNetworks);
        env.put("CRAWLER_POLITENESS_OWN_SERVERS", demoSiteServer());
        if (crawlerPolitenessDelay != null) {
            env.put("CRAWLER_POLITENESS_DELAY", crawlerPolitenessDelay);
        }
        return env;
    }
}
