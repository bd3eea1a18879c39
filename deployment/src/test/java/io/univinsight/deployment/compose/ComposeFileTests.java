package io.univinsight.deployment.compose;

import io.univinsight.deployment.ServiceConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.events.Topics;

/**
 * docker-compose.yml (parsed with Jackson YAML) agrees with the repository and the code: names,
 * paths, ports, environment keys and the Prometheus scrape targets.
 */
class ComposeFileTests {
    static final String COMPOSE = "docker-compose.yml";
    static final String PROMETHEUS = "deploy/prometheus/prometheus.yml";

    static JsonNode compose;
    static JsonNode services;

    @BeforeAll
    static void parse() {
        compose = Repo.yaml(COMPOSE);
        services = compose.path("services");
        assertTrue(services.isObject() && services.size() > 0, "docker-compose.yml defines no services");
    }

    /** The services of docker-compose.yml, parsed afresh (for other test classes). */
    static JsonNode composeServices() {
        return Repo.yaml(COMPOSE).path("services");
    }

    static JsonNode service(String name) {
        JsonNode s = services.get(name);
        assertTrue(s != null && s.isObject(), "no service " + name + " in docker-compose.yml");
        return s;
    }

    /** depends_on as name to condition, from the list form (service_started) or the map form. */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> deps = new LinkedHashMap<>();
        JsonNode d = service.path("depends_on");
        if (d.isArray()) {
            d.forEach(n -> deps.put(n.asText(), "service_started"));
        } else if (d.isObject()) {
            d.fields().forEachRemaining(e -> deps.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return deps;
    }

    /** environment as key to value, from the map form or the KEY=value list form. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
        } else if (e.isArray()) {
            for (JsonNode n : e) {
                String s = n.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return env;
    }

    /** A volume entry: source (host path or volume name), target, and whether it is a bind mount. */
    record Mount(String source, String target, boolean bind) {
    }

    static List<Mount> mounts(JsonNode service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode v : service.path("volumes")) {
            if (v.isTextual()) {
                String[] parts = v.asText().split(":");
                if (parts.length == 1) {
                    mounts.add(new Mount(null, parts[0], false)); // anonymous volume
                } else {
                    String src = parts[0];
                    boolean bind = src.startsWith(".") || src.startsWith("/") || src.startsWith("~");
                    mounts.add(new Mount(src, parts[1], bind));
                }
            } else {
                mounts.add(new Mount(v.path("source").asText(null), v.path("target").asText(), "bind".equals(v.path("type").asText())));
            }
        }
        return mounts;
    }

    /** Published to container port pairs: "8080:8080", "127.0.0.1:8080:8080/tcp" or {published, target}. */
    static Map<Integer, Integer> ports(JsonNode service) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (JsonNode p : service.path("ports")) {
            if (p.isObject()) {
                ports.put(p.path("published").asInt(), p.path("target").asInt());
            } else {
                String s = p.asText().replaceAll("/(tcp|udp)$", "");
                String[] parts = s.split(":");
                int container = Integer.parseInt(parts[parts.length - 1]);
                int published = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : -1;
                ports.put(published, container);
            }
        }
        return ports;
    }

    @Test
    void definesTheWholeStack() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        for (String expected : List.of("kafka", "kafka-topics", "postgres", "task-api", "crawler-service",
                "persistence-service", "monitor-service", "prometheus", "grafana")) {
            assertTrue(names.contains(expected), "docker-compose.yml lacks service " + expected + ": " + names);
        }
        assertFalse(compose.has("version"), "the Compose spec needs no version key");
    }

    @Test
    void everyDependencyIsADefinedServiceWithAUsableCondition() {
        services.fields().forEachRemaining(e -> dependsOn(e.getValue()).forEach((dep, condition) -> {
            assertTrue(services.has(dep), e.getKey() + " depends on undefined service " + dep);
            assertTrue(Set.of("service_started", "service_healthy", "service_completed_successfully").contains(condition),
                    e.getKey() + " -> " + dep + ": unknown condition " + condition);
            if (condition.equals("service_healthy")) {
                assertTrue(services.get(dep).has("healthcheck"), e.getKey() + " waits for " + dep
                        + " to be healthy, but " + dep + " has no healthcheck");
            }
            if (condition.equals("service_completed_successfully")) {
                assertEquals("no", services.get(dep).path("restart").asText("no"),
                        dep + " is awaited to complete, so it must not restart");
            }
        }));
    }

    @Test
    void buildContextsAndDockerfilesExist() {
        for (String module : Repo.SERVICES) {
            JsonNode build = service(module).path("build");
            assertTrue(build.isObject(), module + " has no build section");
            Path context = Repo.root().resolve(build.path("context").asText()).normalize();
            assertEquals(Repo.path(module).normalize(), context, module + " is built from its module");
            Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
            assertTrue(Files.isRegularFile(dockerfile), module + ": no Dockerfile at " + dockerfile);
            assertEquals("univinsight/" + module + ":0.1.0", service(module).path("image").asText(),
                    module + " image name");
        }
        services.fields().forEachRemaining(e -> {
            JsonNode build = e.getValue().path("build");
            if (!build.isMissingNode()) {
                Path context = Repo.root().resolve(build.isTextual() ? build.asText() : build.path("context").asText()).normalize();
                assertTrue(Files.isDirectory(context), e.getKey() + ": build context " + context + " does not exist");
            }
        });
    }

    @Test
    void thirdPartyImagesArePinned() {
        services.fields().forEachRemaining(e -> {
            String image = e.getValue().path("image").asText("");
            assertFalse(image.isEmpty() && !e.getValue().has("build"), e.getKey() + " has neither image nor build");
            if (!image.isEmpty()) {
                int colon = image.lastIndexOf(':');
                assertTrue(colon > image.lastIndexOf('/'), e.getKey() + ": image " + image + " has no tag");
                assertFalse(image.endsWith(":latest"), e.getKey() + ": image " + image + " is not pinned");
            }
        });
        assertTrue(service("kafka").path("image").asText().matches("apache/kafka:4\\.1\\.\\d+"), "kafka: apache/kafka 4.1.x");
        assertEquals(service("kafka").path("image").asText(), service("kafka-topics").path("image").asText(),
                "kafka-topics uses the broker's image (its kafka-topics.sh)");
        assertTrue(service("postgres").path("image").asText().startsWith("postgres:16"), "postgres 16");
    }

    @Test
    void everyMountedHostPathExistsInTheRepositoryAndEveryNamedVolumeIsDeclared() {
        Set<String> declared = new HashSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        services.fields().forEachRemaining(e -> {
            for (Mount m : mounts(e.getValue())) {
                if (m.bind()) {
                    Path host = Repo.root().resolve(m.source()).normalize();
                    assertTrue(host.startsWith(Repo.root()), e.getKey() + ": " + m.source() + " is outside the repository");
                    assertTrue(Files.exists(host), e.getKey() + ": mounted path " + m.source() + " does not exist");
                } else if (m.source() != null) {
                    assertTrue(declared.contains(m.source()), e.getKey() + ": volume " + m.source() + " is not declared");
                }
            }
        });
    }

    /** The compose stack runs open (API_OPEN, Grafana's default password): nothing it publishes answers beyond this machine. */
    @Test
    void everyPublishedPortIsBoundToLoopback() {
        List<String> open = new ArrayList<>();
        composeServices().fields().forEachRemaining(e -> {
            for (JsonNode p : e.getValue().path("ports")) {
                String hostIp = p.isTextual() ? (p.asText().split(":").length == 3 ? p.asText().split(":")[0] : "") : p.path("host_ip").asText();
                if (!hostIp.equals("127.0.0.1")) {
                    open.add(e.getKey() + " " + p);
                }
            }
        });
        assertTrue(open.isEmpty(), "published on every interface: " + open);
    }

    @Test
    void publishedPortsAndHealthchecksAreTheQuarkusHttpPorts() {
        for (String module : Repo.SERVICES) {
            int port = Repo.httpPort(module);
            assertEquals(Map.of(port, port), ports(service(module)),
                    module + " publishes its quarkus.http.port " + port + " as is");
            String test = String.join(" ", textList(service(module).path("healthcheck").path("test")));
            assertTrue(test.contains(":" + port + "/q/health/ready"), module + " healthcheck hits /q/health/ready on "
                    + port + ": " + test);
            assertTrue(test.contains("curl"), module + ": the ubi9 openjdk runtime image has curl, nothing else to probe with");
        }
    }

    @Test
    void servicesSetOnlyEnvironmentKeysTheyRead() {
        for (String module : Repo.SERVICES) {
            Set<String> allowed = ServiceConfig.allowedEnv(module);
            for (String key : environment(service(module)).keySet()) {
                assertTrue(allowed.contains(key), module + " does not read " + key + "; it reads " + allowed);
            }
        }
    }

    @Test
    void allowedKeysFollowTheCode() {
        Set<String> api = ServiceConfig.allowedEnv("task-api");
        assertTrue(api.containsAll(Set.of("API_KEYS", "API_OPEN", "API_RATE_LIMIT_CAPACITY",
                "API_RATE_LIMIT_REFILL_PER_SECOND", "API_MAX_BODY_BYTES", "QUARKUS_DATASOURCE_JDBC_URL")), api.toString());
        assertFalse(api.contains("API_KEY"));
        Set<String> crawler = ServiceConfig.allowedEnv("crawler-service");
        assertTrue(crawler.containsAll(Set.of("CRAWLER_CONCURRENCY", "CRAWLER_POLITENESS_DELAY",
                "CRAWLER_POLITENESS_MAX_CONNECTIONS_PER_HOST", "CRAWLER_SSRF_ALLOWED_NETWORKS", "CRAWLER_WORKER_ID",
                "CRAWLER_SHUTDOWN_GRACE", "CRAWLER_SCOPE_URL_FILTERS")), crawler.toString());
        assertFalse(crawler.contains("QUARKUS_DATASOURCE_JDBC_URL"), "the crawler has no database");
        assertTrue(ServiceConfig.allowedEnv("monitor-service").contains("KAFKA_STREAMS_STATE_DIR"));
        assertTrue(ServiceConfig.allowedEnv("persistence-service").contains("PERSISTENCE_RETENTION_METRICS"));
        assertEquals("QUARKUS_LOG_CATEGORY__IO_UNIVINSIGHT__LEVEL",
                ServiceConfig.envName("quarkus.log.category.\"io.univinsight\".level"));
    }

    @Test
    void servicesReachKafkaAndPostgresByTheirComposeNames() {
        Map<String, String> kafka = environment(service("kafka"));
        String advertised = kafka.get("KAFKA_ADVERTISED_LISTENERS");
        assertEquals("PLAINTEXT://kafka:9092", advertised);
        Map<String, String> pg = environment(service("postgres"));
        for (String module : Repo.SERVICES) {
            Map<String, String> env = environment(service(module));
            Map<String, String> deps = dependsOn(service(module));
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), module + " bootstrap servers");
            assertEquals("false", env.get("QUARKUS_KAFKA_DEVSERVICES_ENABLED"), module + ": no Dev Services");
            assertEquals("service_completed_successfully", deps.get("kafka-topics"),
                    module + " starts once the topics exist");
            boolean usesDatabase = Repo.quarkusProperties(module).containsKey("quarkus.datasource.db-kind");
            if (usesDatabase) {
                assertEquals("jdbc:postgresql://postgres:5432/" + pg.get("POSTGRES_DB"), env.get("QUARKUS_DATASOURCE_JDBC_URL"),
                        module + " database URL");
                assertEquals(pg.get("POSTGRES_USER"), env.get("QUARKUS_DATASOURCE_USERNAME"), module + " database user");
                assertEquals(pg.get("POSTGRES_PASSWORD"), env.get("QUARKUS_DATASOURCE_PASSWORD"), module + " database password");
                assertEquals("service_healthy", deps.get("postgres"), module + " waits for PostgreSQL");
            } else {
                assertFalse(env.keySet().stream().anyMatch(k -> k.startsWith("QUARKUS_DATASOURCE")),
                        module + " has no database");
            }
        }
        assertEquals("univinsight", pg.get("POSTGRES_DB"));
        String pgTest = String.join(" ", textList(service("postgres").path("healthcheck").path("test")));
        assertTrue(pgTest.contains("pg_isready"), "postgres healthcheck: " + pgTest);
    }

    @Test
    void taskApiIsReachableWithoutOrWithKeys() {
        Map<String, String> env = environment(service("task-api"));
        assertTrue(env.containsKey("API_OPEN") || env.containsKey("API_KEYS"),
                "without API_OPEN or API_KEYS every /api call is refused with 401");
    }

    @Test
    void kafkaIsASingleKraftNode() {
        Map<String, String> env = environment(service("kafka"));
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        String nodeId = env.get("KAFKA_NODE_ID");
        assertEquals(nodeId + "@kafka:9093", env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"));
        assertTrue(env.get("KAFKA_LISTENERS").contains("CONTROLLER://:9093") && env.get("KAFKA_LISTENERS").contains("PLAINTEXT://:9092"),
                env.get("KAFKA_LISTENERS"));
        assertEquals("CONTROLLER", env.get("KAFKA_CONTROLLER_LISTENER_NAMES"));
        assertTrue(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").contains("CONTROLLER:PLAINTEXT"));
        assertEquals("1", env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"));
        assertEquals("1", env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"));
        assertEquals("1", env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR"));
        assertEquals("false", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        String logDirs = env.get("KAFKA_LOG_DIRS");
        assertTrue(mounts(service("kafka")).stream().anyMatch(m -> !m.bind() && m.target().equals(logDirs)),
                "the Kafka log dir " + logDirs + " is on a named volume");
        String test = String.join(" ", textList(service("kafka").path("healthcheck").path("test")));
        assertTrue(test.contains("/opt/kafka/bin/kafka-broker-api-versions.sh") && test.contains("localhost:9092"), test);
    }

    @Test
    void topicsAreCreatedOnceByTheGeneratedScript() {
        JsonNode topics = service("kafka-topics");
        assertEquals("no", topics.path("restart").asText());
        assertEquals("service_healthy", dependsOn(topics).get("kafka"));
        Mount script = mounts(topics).stream().filter(m -> m.bind() && m.source().endsWith("create-topics.sh"))
                .findFirst().orElseThrow(() -> new AssertionError("kafka-topics mounts no create-topics.sh"));
        assertEquals("./deploy/compose/create-topics.sh", script.source());
        List<String> run = new ArrayList<>(textList(topics.path("entrypoint")));
        run.addAll(textList(topics.path("command")));
        assertTrue(run.contains(script.target()), "kafka-topics runs " + script.target() + ": " + run);
        String body = Repo.read(Repo.path("deploy/compose/create-topics.sh"));
        assertTrue(body.contains("/opt/kafka/bin/kafka-topics.sh") && body.contains("--create")
                && body.contains("--if-not-exists"), "create-topics.sh creates topics idempotently");
        // the script is generated from crawl-events' single topic definition: it creates each topic, as defined
        Map<String, Integer> created = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("--topic[ =]\"?([\\w.\\-]+)\"?(?:\\s+--partitions[ =](\\d+))?").matcher(body);
        while (m.find()) {
            created.put(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)));
        }
        Map<String, Integer> defined = new LinkedHashMap<>();
        for (Topics.TopicSpec spec : Topics.all(Topics.Layout.SINGLE_BROKER)) {
            defined.put(spec.name(), spec.partitions());
        }
        assertEquals(new TreeSet<>(defined.keySet()), new TreeSet<>(created.keySet()),
                "create-topics.sh creates exactly the topics of Topics.all(SINGLE_BROKER)");
        created.forEach((topic, partitions) -> {
            if (partitions != null) {
                assertEquals(defined.get(topic), partitions, "partitions of " + topic);
            }
        });
    }

    @Test
    void readOnlyServicesKeepAWritableTmpAndMonitorStateOnAVolume() {
        services.fields().forEachRemaining(e -> {
            if (e.getValue().path("read_only").asBoolean(false)) {
                List<String> tmpfs = textList(e.getValue().path("tmpfs"));
                assertTrue(tmpfs.stream().anyMatch(t -> t.equals("/tmp") || t.startsWith("/tmp:")),
                        e.getKey() + " has a read-only root filesystem but no tmpfs /tmp");
            }
        });
        String stateDir = environment(service("monitor-service")).get("KAFKA_STREAMS_STATE_DIR");
        assertTrue(stateDir != null && mounts(service("monitor-service")).stream()
                .anyMatch(m -> !m.bind() && m.source() != null && m.target().equals(stateDir)),
                "monitor-service's Kafka Streams state dir is on a named volume");
    }

    @Test
    void prometheusScrapesEveryServiceAtQMetrics() {
        JsonNode prometheus = Repo.yaml(PROMETHEUS);
        String globalInterval = prometheus.path("global").path("scrape_interval").asText("1m");
        Map<String, String> scraped = new LinkedHashMap<>();
        Set<String> jobs = new HashSet<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            String name = job.path("job_name").asText();
            assertTrue(jobs.add(name), "job " + name + " twice");
            assertEquals("/q/metrics", job.path("metrics_path").asText("/metrics"), name + " metrics path");
            assertEquals("5s", job.path("scrape_interval").asText(globalInterval), name + " scrape interval");
            for (JsonNode sc : job.path("static_configs")) {
                for (JsonNode t : sc.path("targets")) {
                    String[] hostPort = t.asText().split(":");
                    assertEquals(2, hostPort.length, name + ": target " + t.asText() + " is not host:port");
                    String host = hostPort[0];
                    assertTrue(services.has(host), name + ": target host " + host + " is no compose service");
                    assertTrue(Repo.SERVICES.contains(host), name + ": " + host + " serves no /q/metrics");
                    assertEquals(Repo.httpPort(host), Integer.parseInt(hostPort[1]), name + ": port of " + host);
                    assertTrue(ports(service(host)).containsValue(Integer.parseInt(hostPort[1])),
                            name + ": " + host + " listens on " + hostPort[1]);
                    scraped.put(host, name);
                }
            }
        }
        assertEquals(new TreeSet<>(Repo.SERVICES), new TreeSet<>(scraped.keySet()), "every service is scraped");
        scraped.forEach((host, job) -> assertEquals(host, job, "one job per service, named after it"));

        JsonNode prom = service("prometheus");
        String configFlag = textList(prom.path("command")).stream().filter(c -> c.startsWith("--config.file="))
                .findFirst().map(c -> c.substring("--config.file=".length())).orElse("/etc/prometheus/prometheus.yml");
        assertTrue(mounts(prom).stream().anyMatch(m -> m.bind() && Repo.root().resolve(m.source()).normalize()
                .equals(Repo.path(PROMETHEUS).normalize()) && m.target().equals(configFlag)),
                "prometheus runs with " + PROMETHEUS + " mounted at " + configFlag);
        assertEquals(Map.of(9090, 9090), ports(prom));
    }

    /** A YAML string or list of strings as a list. */
    static List<String> textList(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> list.add(n.asText()));
        } else if (node.isTextual()) {
            list.add(node.asText());
        } else if (!node.isMissingNode() && !node.isNull()) {
            fail("expected a string or a list, got " + node);
        }
        return list;
    }
}
