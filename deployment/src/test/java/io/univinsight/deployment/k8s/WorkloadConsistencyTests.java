package io.univinsight.deployment.k8s;

import io.univinsight.deployment.ServiceConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The four Deployments agree with the services' code and with each other: ports and probes,
 * the environment each service really reads, references to ConfigMaps and Secrets, the JDBC URL
 * and Kafka bootstrap of each overlay, container hardening, scrape annotations, disruption budgets.
 */
class WorkloadConsistencyTests {
    static final Set<String> SERVICES = Set.of("task-api", "crawler-service", "persistence-service", "monitor-service");
    static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    /** (render, Deployment name) for every Deployment of base and each overlay. */
    static Stream<Arguments> deployments() {
        List<String> targets = new ArrayList<>(List.of("base"));
        targets.addAll(K8s.overlays());
        return targets.stream().flatMap(t -> K8s.render(t).ofKind("Deployment").stream()
                .map(d -> Arguments.of(t, d.at("/metadata/name").asText())));
    }

    static Stream<String> overlays() {
        return K8s.overlays().stream();
    }

    static Stream<String> rendersWithWorkloads() {
        return Stream.concat(Stream.of("base"), K8s.overlays().stream());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void portsProbesAndServiceMatchTheService(String target, String name) {
        K8s.Rendered r = K8s.render(target);
        assertTrue(ServiceConfig.exists(name), target + ": Deployment " + name + " is not a service module of the repository");
        ServiceConfig config = ServiceConfig.of(name);
        JsonNode container = mainContainer(r, name);
        int port = config.httpPort();
        JsonNode http = namedPort(container, "http");
        assertEquals(port, http.path("containerPort").asInt(), target + " " + name + ": container port http vs quarkus.http.port");
        for (Map.Entry<String, String> probe : PROBE_PATHS.entrySet()) {
            JsonNode get = container.path(probe.getKey()).path("httpGet");
            assertFalse(get.isMissingNode(), target + " " + name + ": no httpGet " + probe.getKey());
            assertEquals(probe.getValue(), get.path("path").asText(), target + " " + name + ": " + probe.getKey() + " path");
            String probePort = get.path("port").asText();
            assertTrue(probePort.equals("http") || probePort.equals(String.valueOf(port)),
                    target + " " + name + ": " + probe.getKey() + " port " + probePort + " is not the container's http port");
        }
        JsonNode annotations = r.get("Deployment", name).at("/spec/template/metadata/annotations");
        assertEquals("true", annotations.path("prometheus.io/scrape").asText(), target + " " + name + ": prometheus.io/scrape");
        assertEquals("/q/metrics", annotations.path("prometheus.io/path").asText(), target + " " + name + ": prometheus.io/path");
        assertEquals(String.valueOf(port), annotations.path("prometheus.io/port").asText(), target + " " + name + ": prometheus.io/port");

        JsonNode service = r.get("Service", name);
        assertTrue(selects(service.at("/spec/selector"), podLabels(r.get("Deployment", name))), target + ": Service " + name + " does not select its pods");
        JsonNode servicePort = service.at("/spec/ports/0");
        assertEquals("http", servicePort.path("name").asText(), target + ": Service " + name + " port name");
        assertEquals(port, servicePort.path("port").asInt(), target + ": Service " + name + " port");
        String targetPort = servicePort.path("targetPort").asText();
        assertTrue(targetPort.equals("http") || targetPort.equals(String.valueOf(port)), target + ": Service " + name + " targetPort " + targetPort);
    }

    /** Only variables the service reads (the rule is ServiceConfig's); JAVA_OPTS keeps what the image needs. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void environmentIsWhatTheServiceReads(String target, String name) {
        K8s.Rendered r = K8s.render(target);
        ServiceConfig config = ServiceConfig.of(name);
        JsonNode container = mainContainer(r, name);
        List<String> unread = new ArrayList<>();
        for (String variable : envNames(r, container)) {
            if (!config.envNames.containsKey(variable)) {
                unread.add(variable);
            }
        }
        assertTrue(unread.isEmpty(), target + " " + name + ": variables " + name + " never reads: " + unread
                + " (not in its application.properties, @ConfigMapping, @ConfigProperty or the well-known keys)");

        String javaOpts = envValue(r, container, "JAVA_OPTS").orElse("");
        assertTrue(javaOpts.contains("-XX:MaxRAMPercentage="), target + " " + name + ": JAVA_OPTS sizes the heap from the container limit");
        // run-java.sh uses JAVA_OPTS instead of its generated options and JAVA_OPTS_APPEND: keep the Dockerfile's flags.
        for (String flag : config.dockerfileJavaOptsAppend()) {
            assertTrue(javaOpts.contains(flag), target + " " + name + ": JAVA_OPTS drops the Dockerfile's " + flag);
        }
    }

    /** The allowed set is derived, not listed: spot-check what the rule yields from the sources. */
    @Test
    void environmentRuleReadsTheSources() {
        Map<String, String> crawler = ServiceConfig.of("crawler-service").envNames;
        for (String read : List.of("KAFKA_BOOTSTRAP_SERVERS", "CRAWLER_SHUTDOWN_GRACE", "CRAWLER_SSRF_ALLOWED_NETWORKS",
                "CRAWLER_POLITENESS_MAX_CONNECTIONS_PER_HOST", "CRAWLER_FETCH_TIMEOUT", "CRAWLER_SCOPE_URL_FILTERS", "JAVA_OPTS")) {
            assertTrue(crawler.containsKey(read), "crawler-service reads " + read + ": " + crawler.keySet());
        }
        for (String unread : List.of("CRAWLER_POLITENESS", "CRAWLER_SSRF", "QUARKUS_DATASOURCE_JDBC_URL", "API_KEYS")) {
            assertFalse(crawler.containsKey(unread), "crawler-service does not read " + unread);
        }
        assertTrue(ServiceConfig.of("task-api").envNames.keySet().containsAll(List.of("API_KEYS", "API_OPEN",
                "API_RATE_LIMIT_REFILL_PER_SECOND", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD")));
        assertTrue(ServiceConfig.of("persistence-service").envNames.containsKey("PERSISTENCE_RETENTION_METRICS"));
        assertTrue(ServiceConfig.of("monitor-service").envNames.keySet().containsAll(List.of("KAFKA_STREAMS_STATE_DIR", "MONITOR_QUEUE_SAMPLE_INTERVAL")));
        assertFalse(ServiceConfig.of("monitor-service").envNames.containsKey("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersWithWorkloads")
    void everyConfigMapAndSecretReferenceResolves(String target) {
        K8s.Rendered r = K8s.render(target);
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(r)) {
            for (JsonNode container : workload.at("/spec/template/spec/containers")) {
                for (JsonNode env : container.path("env")) {
                    for (String kind : List.of("ConfigMap", "Secret")) {
                        JsonNode ref = env.at("/valueFrom/" + (kind.equals("ConfigMap") ? "configMapKeyRef" : "secretKeyRef"));
                        if (ref.isMissingNode() || ref.path("optional").asBoolean(false)) {
                            continue;
                        }
                        String object = ref.path("name").asText();
                        String key = ref.path("key").asText();
                        if (kind.equals("Secret") && createdByCloudNativePg(r, object, key)) {
                            continue;
                        }
                        Optional<JsonNode> found = r.find(kind, object);
                        if (found.isEmpty()) {
                            problems.add(K8s.id(workload) + " " + env.path("name").asText() + ": no " + kind + " " + object);
                        } else if (!found.get().path("data").has(key) && !found.get().path("stringData").has(key)) {
                            problems.add(K8s.id(workload) + " " + env.path("name").asText() + ": " + kind + " " + object + " has no key " + key);
                        }
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), target + ":\n" + String.join("\n", problems));
    }

    /** The JDBC URL names the PostgreSQL of the overlay, and the database it creates. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void jdbcUrlPointsAtTheOverlaysPostgres(String overlay) {
        K8s.Rendered r = K8s.render(overlay);
        for (String name : List.of("task-api", "persistence-service")) {
            JsonNode container = mainContainer(r, name);
            String jdbc = envValue(r, container, "QUARKUS_DATASOURCE_JDBC_URL").orElse(null);
            assertNotNull(jdbc, overlay + " " + name + ": no QUARKUS_DATASOURCE_JDBC_URL");
            assertTrue(jdbc.startsWith("jdbc:postgresql://"), overlay + ": " + jdbc);
            URI uri = URI.create(jdbc.substring("jdbc:".length()));
            String host = uri.getHost();
            String database = uri.getPath().substring(1);
            Optional<JsonNode> cluster = r.ofKind("Cluster").stream()
                    .filter(c -> host.equals(c.at("/metadata/name").asText() + "-rw")).findFirst();
            if (cluster.isPresent()) {
                assertEquals(database, cluster.get().at("/spec/bootstrap/initdb/database").asText(), overlay + ": database of CNPG Cluster " + host);
                continue;
            }
            JsonNode service = r.find("Service", host).orElse(null);
            assertNotNull(service, overlay + " " + name + ": JDBC host " + host + " is neither a Service nor a CloudNativePG <cluster>-rw");
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            assertTrue(stream(service.at("/spec/ports")).anyMatch(p -> p.path("port").asInt() == port), overlay + ": Service " + host + " has no port " + port);
            JsonNode statefulSet = r.ofKind("StatefulSet").stream()
                    .filter(s -> selects(service.at("/spec/selector"), podLabels(s))).findFirst()
                    .orElseGet(() -> org.junit.jupiter.api.Assertions.fail(overlay + ": Service " + host + " selects no StatefulSet"));
            JsonNode postgres = statefulSet.at("/spec/template/spec/containers/0");
            assertEquals(database, envValue(r, postgres, "POSTGRES_DB").orElse(null), overlay + ": POSTGRES_DB vs the JDBC URL");
            // The database is created with the credentials the services log in with.
            assertEquals(ref(container, "QUARKUS_DATASOURCE_USERNAME"), ref(postgres, "POSTGRES_USER"), overlay + ": user Secret");
            assertEquals(ref(container, "QUARKUS_DATASOURCE_PASSWORD"), ref(postgres, "POSTGRES_PASSWORD"), overlay + ": password Secret");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaBootstrapIsStrimzisBootstrapService(String overlay) {
        K8s.Rendered r = K8s.render(overlay);
        List<JsonNode> kafkas = r.ofKind("Kafka");
        assertEquals(1, kafkas.size(), overlay + ": one Kafka");
        JsonNode kafka = kafkas.get(0);
        JsonNode listener = stream(kafka.at("/spec/kafka/listeners")).filter(l -> !l.path("tls").asBoolean()).findFirst()
                .orElseGet(() -> org.junit.jupiter.api.Assertions.fail(overlay + ": no plain listener"));
        String expected = kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt();
        for (String name : SERVICES) {
            assertEquals(expected, envValue(r, mainContainer(r, name), "KAFKA_BOOTSTRAP_SERVERS").orElse(null), overlay + " " + name);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void containersAreHardened(String target, String name) {
        K8s.Rendered r = K8s.render(target);
        JsonNode pod = r.get("Deployment", name).at("/spec/template/spec");
        String where = target + " " + name + ": ";
        for (JsonNode container : pod.path("containers")) {
            JsonNode sc = container.path("securityContext");
            JsonNode psc = pod.path("securityContext");
            assertTrue(sc.path("runAsNonRoot").asBoolean(psc.path("runAsNonRoot").asBoolean()), where + "runAsNonRoot");
            assertEquals(185, sc.path("runAsUser").asInt(psc.path("runAsUser").asInt()), where + "runAsUser 185 (ubi openjdk image)");
            assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), where + "readOnlyRootFilesystem");
            assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), where + "allowPrivilegeEscalation");
            assertTrue(stream(sc.at("/capabilities/drop")).anyMatch(c -> c.asText().equals("ALL")), where + "capabilities drop ALL");
            String seccomp = sc.at("/seccompProfile/type").asText(psc.at("/seccompProfile/type").asText());
            assertEquals("RuntimeDefault", seccomp, where + "seccompProfile");
            // With a read-only root, /tmp must be a writable volume (Vert.x cache, native libraries).
            String tmpVolume = stream(container.path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals("/tmp"))
                    .map(m -> m.path("name").asText()).findFirst().orElse(null);
            assertNotNull(tmpVolume, where + "no /tmp mount");
            assertTrue(stream(pod.path("volumes")).anyMatch(v -> v.path("name").asText().equals(tmpVolume) && v.has("emptyDir")), where + "/tmp is not an emptyDir");
            JsonNode resources = container.path("resources");
            for (String field : List.of("/requests/cpu", "/requests/memory", "/limits/memory")) {
                assertFalse(resources.at(field).asText().isEmpty(), where + "resources" + field.replace('/', '.'));
            }
            String image = container.path("image").asText();
            String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            assertTrue(!tag.isEmpty() && !tag.equals("latest") && !tag.contains("/"), where + "image " + image + " has no fixed tag");
            assertTrue(container.at("/lifecycle/preStop").has("sleep") || container.at("/lifecycle/preStop").has("exec"), where + "no preStop pause");
        }
    }

    /** SIGTERM comes after preStop; the crawler then drains for CRAWLER_SHUTDOWN_GRACE; all of it before SIGKILL. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersWithWorkloads")
    void crawlerDrainsInsideTheGracePeriod(String target) {
        K8s.Rendered r = K8s.render(target);
        JsonNode pod = r.get("Deployment", "crawler-service").at("/spec/template/spec");
        JsonNode container = mainContainer(r, "crawler-service");
        long grace = pod.path("terminationGracePeriodSeconds").asLong(30);
        long preStop = container.at("/lifecycle/preStop/sleep/seconds").asLong(0);
        long drain = Duration.parse("PT" + envValue(r, container, "CRAWLER_SHUTDOWN_GRACE").orElse("20s").toUpperCase()).toSeconds();
        assertTrue(grace >= 60, target + ": terminationGracePeriodSeconds " + grace + " < 60");
        assertTrue(preStop >= 1, target + ": the crawler needs a preStop pause");
        assertTrue(preStop + drain + 10 <= grace, target + ": preStop " + preStop + " s + drain " + drain + " s + 10 s to commit and close > " + grace + " s");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersWithWorkloads")
    void monitorKeepsStreamsStateOnAVolume(String target) {
        K8s.Rendered r = K8s.render(target);
        JsonNode container = mainContainer(r, "monitor-service");
        String dir = envValue(r, container, "KAFKA_STREAMS_STATE_DIR").orElse(null);
        assertNotNull(dir, target + ": KAFKA_STREAMS_STATE_DIR");
        assertTrue(stream(container.path("volumeMounts")).anyMatch(m -> dir.startsWith(m.path("mountPath").asText())),
                target + ": " + dir + " is on the read-only root filesystem");
        assertEquals(1, r.get("Deployment", "monitor-service").at("/spec/replicas").asInt(1), target + ": one monitor-service (local state behind the dashboard)");
        assertEquals("Recreate", r.get("Deployment", "monitor-service").at("/spec/strategy/type").asText(), target + ": monitor-service never runs twice");
    }

    /** Each service has a PodDisruptionBudget over its pods, and none blocks drains forever. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("deployments")
    void disruptionBudgetCoversThePods(String target, String name) {
        K8s.Rendered r = K8s.render(target);
        JsonNode deployment = r.get("Deployment", name);
        List<JsonNode> budgets = r.ofKind("PodDisruptionBudget").stream()
                .filter(p -> selects(p.at("/spec/selector/matchLabels"), podLabels(deployment))).toList();
        assertEquals(1, budgets.size(), target + " " + name + ": PodDisruptionBudgets over its pods");
        JsonNode spec = budgets.get(0).path("spec");
        int replicas = r.ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(name))
                .map(h -> h.at("/spec/minReplicas").asInt(1)).findFirst()
                .orElse(deployment.at("/spec/replicas").asInt(1));
        if (spec.has("minAvailable")) {
            assertTrue(spec.path("minAvailable").asInt() < replicas, target + " " + name + ": minAvailable "
                    + spec.path("minAvailable").asInt() + " with " + replicas + " replica(s) blocks every drain");
        } else {
            assertTrue(spec.path("maxUnavailable").asInt() >= 1, target + " " + name + ": maxUnavailable");
        }
    }

    // --- helpers ---

    static JsonNode mainContainer(K8s.Rendered r, String deployment) {
        return stream(r.get("Deployment", deployment).at("/spec/template/spec/containers"))
                .filter(c -> c.path("name").asText().equals(deployment)).findFirst()
                .orElseGet(() -> org.junit.jupiter.api.Assertions.fail(r.target() + ": Deployment " + deployment + " has no container named " + deployment));
    }

    static JsonNode namedPort(JsonNode container, String name) {
        return stream(container.path("ports")).filter(p -> p.path("name").asText().equals(name)).findFirst()
                .orElseGet(() -> org.junit.jupiter.api.Assertions.fail("container " + container.path("name").asText() + " has no port named " + name));
    }

    static List<JsonNode> workloads(K8s.Rendered r) {
        List<JsonNode> workloads = new ArrayList<>(r.ofKind("Deployment"));
        workloads.addAll(r.ofKind("StatefulSet"));
        return workloads;
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.at("/spec/template/metadata/labels");
    }

    /** A matchLabels-style selector (a plain map) selects the labels. */
    static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    /** Names of the container's environment: env entries and the keys of envFrom sources. */
    static List<String> envNames(K8s.Rendered r, JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            for (String kind : List.of("ConfigMap", "Secret")) {
                JsonNode ref = from.path(kind.equals("ConfigMap") ? "configMapRef" : "secretRef");
                if (!ref.isMissingNode()) {
                    JsonNode object = r.get(kind, ref.path("name").asText());
                    for (String field : List.of("data", "stringData")) {
                        object.path(field).fieldNames().forEachRemaining(k -> names.add(prefix + k));
                    }
                }
            }
        }
        return names;
    }

    /** A variable's value: literal, or looked up in the rendered ConfigMap/Secret. */
    static Optional<String> envValue(K8s.Rendered r, JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            if (!env.path("name").asText().equals(name)) {
                continue;
            }
            if (env.has("value")) {
                return Optional.of(env.path("value").asText());
            }
            JsonNode cm = env.at("/valueFrom/configMapKeyRef");
            if (!cm.isMissingNode()) {
                return r.find("ConfigMap", cm.path("name").asText()).map(c -> c.path("data").path(cm.path("key").asText()).asText(null));
            }
            JsonNode secret = env.at("/valueFrom/secretKeyRef");
            if (!secret.isMissingNode()) {
                return r.find("Secret", secret.path("name").asText()).map(s -> s.path("stringData").path(secret.path("key").asText()).asText(null));
            }
        }
        return Optional.empty();
    }

    /** "Secret name/key" a variable comes from, or null. */
    static String ref(JsonNode container, String name) {
        for (JsonNode env : container.path("env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (env.path("name").asText().equals(name) && !ref.isMissingNode()) {
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        return null;
    }

    /** CloudNativePG creates &lt;cluster&gt;-app (the initdb owner) and &lt;cluster&gt;-superuser at bootstrap, with username and password. */
    static boolean createdByCloudNativePg(K8s.Rendered r, String secret, String key) {
        return Set.of("username", "password").contains(key) && r.ofKind("Cluster").stream()
                .map(c -> c.at("/metadata/name").asText())
                .anyMatch(c -> secret.equals(c + "-app") || secret.equals(c + "-superuser"));
    }

    static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
