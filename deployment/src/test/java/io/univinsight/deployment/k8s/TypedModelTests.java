package io.univinsight.deployment.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * Every rendered object parses into a typed model and uses no field the model does not know.
 * fabric8 and Strimzi models keep unknown fields in additionalProperties instead of failing, so
 * the parsed graph is walked and any non-empty additionalProperties is a failure (a misspelt
 * {@code livenesProbe} would otherwise be silently dropped by the API server).
 * KEDA ScaledObject, CloudNativePG Cluster and the prometheus-adapter config have no Java model:
 * they get structural checks (required fields, and top-level keys from the documented API).
 */
class TypedModelTests {

    /** apiVersion/kind to model: core, apps, policy, networking, autoscaling from fabric8 (version from the Quarkus BOM). */
    static final Map<String, Class<?>> FABRIC8 = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    /** Strimzi kinds (io.strimzi:api); the apiVersion must be one this api version serves (Kafka.VERSIONS, ...). */
    static final Map<String, Class<?>> STRIMZI = Map.of(
            "kafka.strimzi.io/Kafka", Kafka.class,
            "kafka.strimzi.io/KafkaNodePool", KafkaNodePool.class,
            "kafka.strimzi.io/KafkaTopic", KafkaTopic.class);
    static final Map<Class<?>, List<String>> STRIMZI_VERSIONS = Map.of(
            Kafka.class, Kafka.VERSIONS,
            KafkaNodePool.class, KafkaNodePool.VERSIONS,
            KafkaTopic.class, KafkaTopic.VERSIONS);

    /** ScaledObject.spec fields (keda.sh/v1alpha1). */
    static final Set<String> SCALED_OBJECT_SPEC = Set.of("scaleTargetRef", "pollingInterval", "cooldownPeriod",
            "initialCooldownPeriod", "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "fallback", "advanced", "triggers");
    /** Kafka scaler trigger metadata (KEDA docs, scalers/apache-kafka). */
    static final Set<String> KAFKA_TRIGGER_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold",
            "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers", "scaleToZeroOnInvalidOffset",
            "excludePersistentLag", "limitToPartitionsWithLag", "ensureEvenDistributionOfPartitions", "partitionLimitation",
            "sasl", "tls", "unsafeSsl", "version");
    /** CloudNativePG Cluster.spec fields (postgresql.cnpg.io/v1 API reference). */
    static final Set<String> CNPG_CLUSTER_SPEC = Set.of("description", "inheritedMetadata", "imageName", "imageCatalogRef",
            "imagePullPolicy", "schedulerName", "postgresUID", "postgresGID", "instances", "minSyncReplicas",
            "maxSyncReplicas", "postgresql", "replicationSlots", "bootstrap", "replica", "superuserSecret",
            "enableSuperuserAccess", "certificates", "imagePullSecrets", "storage", "serviceAccountTemplate",
            "walStorage", "ephemeralVolumeSource", "startDelay", "stopDelay", "smartShutdownTimeout", "switchoverDelay",
            "failoverDelay", "livenessProbeTimeout", "affinity", "topologySpreadConstraints", "resources",
            "ephemeralVolumesSizeLimit", "priorityClassName", "primaryUpdateStrategy", "primaryUpdateMethod", "backup",
            "nodeMaintenanceWindow", "monitoring", "externalClusters", "logLevel", "projectedVolumeTemplate", "env",
            "envFrom", "managed", "seccompProfile", "tablespaces", "enablePDB", "plugins", "probes", "podSecurityContext",
            "securityContext");
    static final Set<String> CNPG_INITDB = Set.of("database", "owner", "secret", "options", "dataChecksums", "encoding",
            "localeCollate", "localeCType", "locale", "localeProvider", "icuLocale", "icuRules", "builtinLocale",
            "walSegmentSize", "postInitSQL", "postInitApplicationSQL", "postInitTemplateSQL", "postInitSQLRefs",
            "postInitApplicationSQLRefs", "postInitTemplateSQLRefs", "import");
    static final Set<String> CNPG_AFFINITY = Set.of("enablePodAntiAffinity", "topologyKey", "nodeSelector", "nodeAffinity",
            "tolerations", "podAntiAffinityType", "additionalPodAntiAffinity", "additionalPodAffinity");
    /** prometheus-adapter discovery rule fields (docs/config.md). */
    static final Set<String> ADAPTER_RULE = Set.of("seriesQuery", "seriesFilters", "resources", "name", "metricsQuery");

    static List<String> targets() {
        return K8s.targets();
    }

    /** The walk is what makes the check bite: a misspelt field deep inside a Deployment and a Kafka is reported by path. */
    @Test
    void misspeltFieldsAreReported() throws Exception {
        JsonNode deployment = K8s.YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          livenesProbe: {httpGet: {path: /q/health/live, port: http}}
                """);
        JsonNode kafka = K8s.YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: x}
                spec:
                  kafka:
                    listeners: [{name: plain, port: 9092, type: internal, tls: false, tsl: true}]
                """);
        List<String> problems = new ArrayList<>();
        unknownFields(K8s.JSON.treeToValue(deployment, Deployment.class), "", "Deployment/x", problems);
        unknownFields(K8s.JSON.treeToValue(kafka, Kafka.class), "", "Kafka/x", problems);
        assertEquals(List.of(
                "Deployment/x: .spec.template.spec.containers[0]: unknown field(s) [livenesProbe] (not in Container)",
                "Kafka/x: .spec.kafka.listeners[0]: unknown field(s) [tsl] (not in GenericKafkaListener)"), problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void everyObjectParsesWithoutUnknownFields(String target) throws Exception {
        List<String> problems = new ArrayList<>();
        for (JsonNode object : K8s.render(target).objects()) {
            String apiVersion = object.path("apiVersion").asText();
            String kind = object.path("kind").asText();
            String where = target + ": " + K8s.id(object);
            Class<?> model = FABRIC8.get(apiVersion + "/" + kind);
            if (model == null) {
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                model = STRIMZI.get(group + "/" + kind);
                if (model != null) {
                    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
                    if (!STRIMZI_VERSIONS.get(model).contains(version)) {
                        problems.add(where + ": apiVersion " + apiVersion + " is not served by this Strimzi api (" + STRIMZI_VERSIONS.get(model) + ")");
                    }
                }
            }
            if (model != null) {
                Object parsed;
                try {
                    parsed = K8s.JSON.treeToValue(object, model);
                } catch (Exception e) {
                    problems.add(where + ": does not parse as " + model.getSimpleName() + ": " + e.getMessage());
                    continue;
                }
                unknownFields(parsed, "", where, problems);
            } else if (apiVersion.equals("keda.sh/v1alpha1") && kind.equals("ScaledObject")) {
                scaledObject(object, where, problems);
            } else if (apiVersion.equals("monitoring.coreos.com/v1") && kind.equals("PrometheusRule")) {
                prometheusRule(object, where, problems);
            } else if (apiVersion.equals("postgresql.cnpg.io/v1") && kind.equals("Cluster")) {
                cnpgCluster(object, where, problems);
            } else {
                problems.add(where + ": " + apiVersion + " " + kind + " has neither a typed model nor a structural check here; add one");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Prometheus Operator's PrometheusRule: spec.groups of named rule groups, each rule an alert or a record with an expr. */
    static void prometheusRule(JsonNode rule, String where, List<String> problems) {
        Set<String> ruleFields = Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations");
        JsonNode groups = rule.at("/spec/groups");
        if (!groups.isArray() || groups.isEmpty()) {
            problems.add(where + ": no spec.groups");
        }
        for (JsonNode group : groups) {
            for (Iterator<String> it = group.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!Set.of("name", "interval", "rules", "limit").contains(field)) {
                    problems.add(where + ": unknown group field " + field);
                }
            }
            for (JsonNode r : group.path("rules")) {
                for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    if (!ruleFields.contains(field)) {
                        problems.add(where + ": unknown rule field " + field);
                    }
                }
                if (r.path("expr").asText().isBlank() || (r.path("alert").isMissingNode() == r.path("record").isMissingNode())) {
                    problems.add(where + ": a rule needs an expr and exactly one of alert or record: " + r);
                }
            }
        }
    }

    /** The adapter's config is YAML inside a ConfigMap: check it as prometheus-adapter would read it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void prometheusAdapterConfigIsWellFormed(String target) throws Exception {
        for (JsonNode configMap : K8s.render(target).ofKind("ConfigMap")) {
            if (!configMap.at("/metadata/name").asText().contains("prometheus-adapter")) {
                continue;
            }
            String where = target + ": " + K8s.id(configMap);
            JsonNode config = K8s.YAML.readTree(configMap.at("/data/config.yaml").asText(""));
            assertTrue(config != null && config.isObject(), where + ": data.config.yaml is not a YAML map");
            for (Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertTrue(Set.of("rules", "externalRules", "resourceRules").contains(field), where + ": unknown top-level field " + field);
            }
            JsonNode rules = config.path("externalRules");
            assertTrue(rules.isArray() && !rules.isEmpty(), where + ": no externalRules");
            for (JsonNode rule : rules) {
                for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
                    String field = it.next();
                    assertTrue(ADAPTER_RULE.contains(field), where + ": unknown rule field " + field);
                }
                for (String required : List.of("seriesQuery", "metricsQuery")) {
                    assertFalse(rule.path(required).asText().isBlank(), where + ": rule without " + required);
                }
                assertFalse(rule.at("/name/as").asText().isBlank(), where + ": rule without name.as");
                String query = rule.path("metricsQuery").asText();
                assertEquals(count(query, '('), count(query, ')'), where + ": unbalanced parentheses in " + query);
            }
        }
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    private static void scaledObject(JsonNode object, String where, List<String> problems) throws Exception {
        JsonNode spec = object.path("spec");
        onlyKnownFields(spec, SCALED_OBJECT_SPEC, where + ": spec", problems);
        if (spec.at("/scaleTargetRef/name").asText().isEmpty()) {
            problems.add(where + ": spec.scaleTargetRef.name missing");
        }
        if (!spec.path("minReplicaCount").canConvertToInt() || !spec.path("maxReplicaCount").canConvertToInt()
                || spec.path("minReplicaCount").asInt() > spec.path("maxReplicaCount").asInt()) {
            problems.add(where + ": minReplicaCount/maxReplicaCount missing or min > max");
        }
        JsonNode triggers = spec.path("triggers");
        if (!triggers.isArray() || triggers.isEmpty()) {
            problems.add(where + ": no triggers");
        }
        for (JsonNode trigger : triggers) {
            if (!trigger.path("type").asText().equals("kafka")) {
                continue;
            }
            onlyKnownFields(trigger.path("metadata"), KAFKA_TRIGGER_METADATA, where + ": kafka trigger metadata", problems);
            for (String required : List.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold")) {
                if (trigger.at("/metadata/" + required).asText().isEmpty()) {
                    problems.add(where + ": kafka trigger without " + required);
                }
            }
            for (JsonNode value : trigger.path("metadata")) {
                if (!value.isTextual()) {
                    problems.add(where + ": trigger metadata values must be strings: " + value);
                }
            }
        }
        // The HPA behaviour KEDA passes through is the autoscaling/v2 type: parse it as such.
        JsonNode behavior = spec.at("/advanced/horizontalPodAutoscalerConfig/behavior");
        if (!behavior.isMissingNode()) {
            unknownFields(K8s.JSON.treeToValue(behavior, HorizontalPodAutoscalerBehavior.class), ".spec.advanced.horizontalPodAutoscalerConfig.behavior", where, problems);
        }
    }

    private static void cnpgCluster(JsonNode object, String where, List<String> problems) throws Exception {
        JsonNode spec = object.path("spec");
        onlyKnownFields(spec, CNPG_CLUSTER_SPEC, where + ": spec", problems);
        if (!spec.path("instances").canConvertToInt() || spec.path("instances").asInt() < 1) {
            problems.add(where + ": spec.instances missing or < 1");
        }
        JsonNode initdb = spec.at("/bootstrap/initdb");
        if (initdb.isMissingNode()) {
            problems.add(where + ": spec.bootstrap.initdb missing");
        } else {
            onlyKnownFields(initdb, CNPG_INITDB, where + ": spec.bootstrap.initdb", problems);
            if (initdb.path("database").asText().isEmpty() || initdb.path("owner").asText().isEmpty()) {
                problems.add(where + ": initdb needs database and owner (the owner's Secret <cluster>-app is what the services read)");
            }
        }
        if (spec.at("/storage/size").asText().isEmpty()) {
            problems.add(where + ": spec.storage.size missing");
        } else {
            new Quantity(spec.at("/storage/size").asText()).getNumericalAmount(); // throws when not a quantity
        }
        if (spec.has("resources")) {
            unknownFields(K8s.JSON.treeToValue(spec.path("resources"), ResourceRequirements.class), ".spec.resources", where, problems);
        }
        if (spec.has("affinity")) {
            onlyKnownFields(spec.path("affinity"), CNPG_AFFINITY, where + ": spec.affinity", problems);
        }
        JsonNode inherited = spec.path("inheritedMetadata");
        if (!inherited.isMissingNode()) {
            onlyKnownFields(inherited, Set.of("labels", "annotations"), where + ": spec.inheritedMetadata", problems);
        }
    }

    private static void onlyKnownFields(JsonNode node, Set<String> known, String where, List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!known.contains(field)) {
                problems.add(where + ": unknown field " + field);
            }
        }
    }

    /** Walks the JSON properties of a parsed model (as Jackson sees them) and reports non-empty additionalProperties. */
    static void unknownFields(Object root, String path, String where, List<String> problems) {
        walk(root, path, where, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(Object value, String path, String where, List<String> problems, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", where, problems, seen));
            return;
        }
        if (value instanceof Iterable<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", where, problems, seen);
            }
            return;
        }
        Class<?> type = value.getClass();
        String pkg = type.getPackageName();
        if (!(pkg.startsWith("io.fabric8.") || pkg.startsWith("io.strimzi.")) || !seen.add(value)) {
            return;
        }
        Map<?, ?> extra = additionalProperties(value);
        if (extra != null && !extra.isEmpty()) {
            problems.add(where + ": " + (path.isEmpty() ? "(top level)" : path) + ": unknown field(s) " + extra.keySet()
                    + " (not in " + type.getSimpleName() + ")");
        }
        BeanDescription description = K8s.JSON.getSerializationConfig().introspect(K8s.JSON.constructType(type));
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null || property.getName().equals("additionalProperties")) {
                continue;
            }
            Object child;
            try {
                child = accessor.getValue(value);
            } catch (RuntimeException e) {
                continue;
            }
            walk(child, path + "." + property.getName(), where, problems, seen);
        }
    }

    private static Map<?, ?> additionalProperties(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object extra = getter.invoke(value);
            return extra instanceof Map<?, ?> map ? map : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            return fail("additionalProperties of " + value.getClass() + ": " + e);
        }
    }
}
