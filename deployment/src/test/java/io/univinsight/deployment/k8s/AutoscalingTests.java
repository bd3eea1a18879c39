package io.univinsight.deployment.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.univinsight.events.Topics;

/**
 * The crawler autoscaler: the HPA file the local autoscaler reads, its metric against the
 * prometheus-adapter rule, its ceiling against the task topics' partitions, and the KEDA
 * alternative against the same numbers.
 */
class AutoscalingTests {
    static final Path HPA_FILE = Path.of("base", "crawler-service", "hpa.yaml");

    /** The topics the crawler group consumes: the priority topics and the retry topic. */
    static List<String> taskTopics() {
        List<String> topics = new ArrayList<>(Topics.priorityTopics());
        topics.add(Topics.TASKS_RETRY);
        return topics;
    }

    static Stream<String> rendersWithHpa() {
        return Stream.concat(Stream.of("base"), K8s.overlays().stream())
                .filter(t -> !K8s.render(t).ofKind("HorizontalPodAutoscaler").isEmpty());
    }

    static Stream<String> rendersWithScaledObject() {
        return K8s.overlays().stream().filter(t -> !K8s.render(t).ofKind("ScaledObject").isEmpty());
    }

    static HorizontalPodAutoscaler baseHpa() throws Exception {
        return K8s.YAML.readValue(K8s.k8s().resolve(HPA_FILE).toFile(), HorizontalPodAutoscaler.class);
    }

    /** The lead's local autoscaler reads minReplicas, maxReplicas, averageValue and the scale-down window from this very file. */
    @Test
    void hpaFileHoldsWhatTheLocalAutoscalerReads() throws Exception {
        assertTrue(Files.isRegularFile(K8s.k8s().resolve(HPA_FILE)), "k8s/" + HPA_FILE + " must stay at this path");
        HorizontalPodAutoscaler hpa = baseHpa();
        assertEquals("crawler-service", hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas(), "1 <= min <= max");
        assertEquals(1, hpa.getSpec().getMetrics().size(), "one metric");
        assertEquals("External", hpa.getSpec().getMetrics().get(0).getType());
        assertEquals("AverageValue", hpa.getSpec().getMetrics().get(0).getExternal().getTarget().getType());
        assertTrue(hpa.getSpec().getMetrics().get(0).getExternal().getTarget().getAverageValue().getNumericalAmount().signum() > 0);
        assertTrue(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds() > 0, "scale-down window");
        assertEquals(0, hpa.getSpec().getBehavior().getScaleUp().getStabilizationWindowSeconds(), "scale up at once");
        // The base render carries the file unchanged (an overlay may patch it; base must not).
        JsonNode rendered = K8s.render("base").get("HorizontalPodAutoscaler", "crawler-service");
        assertEquals(K8s.YAML.readTree(K8s.k8s().resolve(HPA_FILE).toFile()).path("spec"), rendered.path("spec"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersWithHpa")
    void hpaTargetsTheCrawlerAndItsMetricIsServedByTheAdapter(String target) throws Exception {
        K8s.Rendered r = K8s.render(target);
        Set<String> served = adapterMetricNames();
        for (JsonNode hpa : r.ofKind("HorizontalPodAutoscaler")) {
            String deployment = hpa.at("/spec/scaleTargetRef/name").asText();
            JsonNode scaled = r.get("Deployment", deployment);
            assertFalse(scaled.at("/spec").has("replicas"), target + ": Deployment " + deployment
                    + " sets replicas, which every apply would reset under the autoscaler");
            for (JsonNode metric : hpa.at("/spec/metrics")) {
                String name = metric.at("/external/metric/name").asText();
                assertTrue(served.contains(name), target + ": HPA metric " + name + " is not an adapter rule's name.as " + served);
            }
        }
    }

    /** Replicas beyond a task topic's partitions would idle in the consumer group. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.univinsight.deployment.k8s.K8s#overlays")
    void crawlerCeilingFitsThePartitions(String overlay) {
        K8s.Rendered r = K8s.render(overlay);
        Map<String, Integer> partitions = taskTopicPartitions(r);
        assertFalse(partitions.isEmpty(), overlay + ": no task topic among the KafkaTopics");
        List<Integer> ceilings = new ArrayList<>();
        r.ofKind("HorizontalPodAutoscaler").forEach(h -> ceilings.add(h.at("/spec/maxReplicas").asInt()));
        r.ofKind("ScaledObject").forEach(s -> ceilings.add(s.at("/spec/maxReplicaCount").asInt()));
        assertFalse(ceilings.isEmpty(), overlay + ": nothing scales the crawler");
        for (int ceiling : ceilings) {
            partitions.forEach((topic, count) -> assertTrue(ceiling <= count,
                    overlay + ": up to " + ceiling + " crawlers but " + topic + " has " + count + " partitions"));
        }
    }

    /** The metric sums every task queue, and the monitor's -1 (unknown) never counts as negative lag. */
    @Test
    void adapterRuleReadsEveryTaskQueue() throws Exception {
        String metric = baseHpa().getSpec().getMetrics().get(0).getExternal().getMetric().getName();
        JsonNode rule = adapterRules().stream().filter(r -> r.at("/name/as").asText().equals(metric)).findFirst().orElseThrow();
        assertTrue(rule.path("seriesQuery").asText().contains("univinsight_queue_lag"), "seriesQuery: " + rule);
        String query = rule.path("metricsQuery").asText();
        assertTrue(query.contains("univinsight_queue_lag") && query.contains("clamp_min(") && query.startsWith("sum("), query);
        for (String topic : taskTopics()) {
            String queue = topic.substring(Topics.TASKS_PREFIX.length());
            assertTrue(query.matches(".*priority=~\"[^\"]*\\b" + queue + "\\b[^\"]*\".*"), "metricsQuery misses priority " + queue + ": " + query);
        }
    }

    /** KEDA's ScaledObject replaces the HPA and scales by the same numbers, one trigger per task topic. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rendersWithScaledObject")
    void kedaAlternativeMatchesTheHpa(String overlay) throws Exception {
        K8s.Rendered r = K8s.render(overlay);
        HorizontalPodAutoscaler hpa = baseHpa();
        JsonNode scaledObject = r.get("ScaledObject", "crawler-service");
        String deployment = scaledObject.at("/spec/scaleTargetRef/name").asText();
        r.get("Deployment", deployment);
        assertTrue(r.ofKind("HorizontalPodAutoscaler").stream().noneMatch(h -> h.at("/spec/scaleTargetRef/name").asText().equals(deployment)),
                overlay + ": an HPA still targets " + deployment + " besides KEDA's own");
        assertEquals(hpa.getSpec().getMinReplicas().intValue(), scaledObject.at("/spec/minReplicaCount").asInt(), "minReplicaCount");
        assertEquals(hpa.getSpec().getMaxReplicas().intValue(), scaledObject.at("/spec/maxReplicaCount").asInt(), "maxReplicaCount");
        assertEquals(K8s.JSON.valueToTree(hpa.getSpec().getBehavior()),
                scaledObject.at("/spec/advanced/horizontalPodAutoscalerConfig/behavior"), "the same scaling pace");
        String lag = hpa.getSpec().getMetrics().get(0).getExternal().getTarget().getAverageValue().toString();
        String bootstrap = r.ofKind("Kafka").get(0).at("/metadata/name").asText() + "-kafka-bootstrap";
        Set<String> topics = new TreeSet<>();
        for (JsonNode trigger : scaledObject.at("/spec/triggers")) {
            assertEquals("kafka", trigger.path("type").asText());
            JsonNode m = trigger.path("metadata");
            assertEquals("crawler", m.path("consumerGroup").asText(), "consumer group");
            assertEquals(lag, m.path("lagThreshold").asText(), "lagThreshold = the HPA's averageValue");
            assertEquals("false", m.path("allowIdleConsumers").asText(), "allowIdleConsumers");
            assertEquals(Topics.TASK_OFFSET_RESET, m.path("offsetResetPolicy").asText(),
                    "offsetResetPolicy = where the crawler starts on an uncommitted partition (else idle partitions count as lag)");
            assertTrue(m.path("bootstrapServers").asText().startsWith(bootstrap + "."), "bootstrapServers " + m.path("bootstrapServers").asText());
            assertTrue(topics.add(m.path("topic").asText()), "topic twice: " + m.path("topic").asText());
        }
        assertEquals(new TreeSet<>(taskTopics()), topics, overlay + ": one trigger per task topic");
    }

    static Map<String, Integer> taskTopicPartitions(K8s.Rendered r) {
        Map<String, Integer> partitions = new TreeMap<>();
        for (JsonNode topic : r.ofKind("KafkaTopic")) {
            String name = topic.at("/spec/topicName").asText(topic.at("/metadata/name").asText());
            if (taskTopics().contains(name)) {
                partitions.put(name, topic.at("/spec/partitions").asInt());
            }
        }
        return partitions;
    }

    static List<JsonNode> adapterRules() throws Exception {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode configMap : K8s.render("base/monitoring").ofKind("ConfigMap")) {
            JsonNode config = K8s.YAML.readTree(configMap.at("/data/config.yaml").asText(""));
            if (config != null) {
                config.path("externalRules").forEach(rules::add);
            }
        }
        return rules;
    }

    static Set<String> adapterMetricNames() throws Exception {
        Set<String> names = new TreeSet<>();
        adapterRules().forEach(rule -> names.add(rule.at("/name/as").asText()));
        return names;
    }
}
