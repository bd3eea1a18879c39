package io.univinsight.deployment.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.deployment.k8s.NetworkPolicyModel.Endpoint;

/**
 * The NetworkPolicies: default deny, DNS for all, and who may talk to whom, asked of the rendered
 * policies through {@link NetworkPolicyModel}. The crawler fetches arbitrary sites, so its egress
 * gets the closest look: the internet on 80/443, never a private, loopback, link-local or CGNAT address.
 */
class NetworkPolicyTests {
    /** What the crawler must never reach, whatever a fetched page or redirect points at. */
    static final List<String> PRIVATE_RANGES = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "198.18.0.0/15");
    /**
     * The IPv6 ones, and every IPv6 form that carries an IPv4 address to a translator or relay
     * (mapped, compatible, SIIT, NAT64 and its local-use prefix, 6to4): the crawler's own guard
     * refuses them too (AddressPolicy).
     */
    static final List<String> PRIVATE_RANGES_V6 = List.of("fc00::/7", "fe80::/10", "::1/128", "::ffff:0:0/96", "::/96",
            "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "2002::/16");

    static Stream<String> renders() {
        return Stream.concat(Stream.of("base"), K8s.overlays().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void defaultDenyAndDnsForEveryPod(String target) {
        List<JsonNode> policies = K8s.render(target).ofKind("NetworkPolicy");
        assertTrue(policies.stream().anyMatch(p -> p.at("/spec/podSelector").isEmpty()
                && p.at("/spec/policyTypes").toString().contains("Ingress") && p.at("/spec/policyTypes").toString().contains("Egress")
                && p.at("/spec/ingress").isEmpty() && p.at("/spec/egress").isEmpty()), target + ": no default deny of ingress and egress");
        NetworkPolicyModel model = new NetworkPolicyModel(K8s.NAMESPACE, policies);
        Endpoint dns = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
        Endpoint anyPod = Endpoint.pod(K8s.NAMESPACE, Map.of("app.kubernetes.io/name", "anything"));
        assertTrue(model.allows(anyPod, dns, "UDP", 53) && model.allows(anyPod, dns, "TCP", 53), target + ": DNS for every pod");
        assertFalse(model.allows(anyPod, Endpoint.address("93.184.216.34"), "TCP", 443), target + ": egress is denied by default");
    }

    /** Every egress rule that applies to crawler pods: no rule open to every destination, every ipBlock minus the private ranges. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void crawlerEgressExcludesPrivateRanges(String target) {
        K8s.Rendered r = K8s.render(target);
        Map<String, String> crawler = labels(r.get("Deployment", "crawler-service").at("/spec/template/metadata/labels"));
        List<String> problems = new ArrayList<>();
        boolean internet = false;
        for (JsonNode policy : r.ofKind("NetworkPolicy")) {
            if (!NetworkPolicyModel.matches(policy.at("/spec/podSelector"), crawler)) {
                continue;
            }
            for (JsonNode rule : policy.at("/spec/egress")) {
                if (rule.path("to").isEmpty()) {
                    problems.add(K8s.id(policy) + ": an egress rule to every destination " + rule);
                }
                for (JsonNode peer : rule.path("to")) {
                    JsonNode block = peer.path("ipBlock");
                    if (block.isMissingNode()) {
                        continue;
                    }
                    String cidr = block.path("cidr").asText();
                    internet |= cidr.equals("0.0.0.0/0");
                    for (String range : cidr.contains(":") ? PRIVATE_RANGES_V6 : PRIVATE_RANGES) {
                        if (overlaps(cidr, range) && WorkloadConsistencyTests.stream(block.path("except")).noneMatch(e -> contains(e.asText(), range))) {
                            problems.add(K8s.id(policy) + ": ipBlock " + cidr + " does not except " + range);
                        }
                    }
                }
            }
        }
        assertTrue(internet, target + ": the crawler has no egress to the internet (ipBlock 0.0.0.0/0)");
        assertTrue(problems.isEmpty(), target + ":\n" + String.join("\n", problems));
    }

    /** Who may open a connection to whom, in each overlay. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.univinsight.deployment.k8s.K8s#overlays")
    void onlyTheIntendedConnections(String overlay) {
        K8s.Rendered r = K8s.render(overlay);
        NetworkPolicyModel model = new NetworkPolicyModel(K8s.NAMESPACE, r.ofKind("NetworkPolicy"));
        Map<String, Endpoint> at = new LinkedHashMap<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : List.of("task-api", "crawler-service", "persistence-service", "monitor-service")) {
            JsonNode deployment = r.get("Deployment", service);
            at.put(service, Endpoint.pod(K8s.NAMESPACE, labels(deployment.at("/spec/template/metadata/labels"))));
            ports.put(service, WorkloadConsistencyTests.namedPort(WorkloadConsistencyTests.mainContainer(r, service), "http").path("containerPort").asInt());
        }
        JsonNode kafka = r.ofKind("Kafka").get(0);
        String cluster = kafka.at("/metadata/name").asText();
        String pool = r.ofKind("KafkaNodePool").get(0).at("/metadata/name").asText();
        // The labels Strimzi puts on the Kafka node pods.
        at.put("kafka", Endpoint.pod(K8s.NAMESPACE, Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", cluster + "-kafka", "strimzi.io/pool-name", pool)));
        at.put("postgres", Endpoint.pod(K8s.NAMESPACE, postgresLabels(r)));
        at.put("prometheus", Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus")));
        at.put("stranger", Endpoint.pod("default", Map.of("app", "curl")));
        at.put("dns", Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns")));

        List<String> wrong = new ArrayList<>();
        for (String service : ports.keySet()) {
            expect(model, at, service, "kafka", 9092, true, wrong);
            expect(model, at, service, "dns", 53, true, wrong);
            expect(model, at, "prometheus", service, ports.get(service), true, wrong);
            expect(model, at, service, "postgres", 5432, service.equals("task-api") || service.equals("persistence-service"), wrong);
            // Public: the API and the dashboard; the crawler and persistence only for Prometheus.
            expect(model, at, "stranger", service, ports.get(service), service.equals("task-api") || service.equals("monitor-service"), wrong);
            // Only the crawler goes out to the internet.
            expect(model, at.get(service), Endpoint.address("93.184.216.34"), "TCP", 443, service.equals("crawler-service"), service + " -> internet:443", wrong);
            for (String other : ports.keySet()) {
                if (!other.equals(service)) {
                    expect(model, at, service, other, ports.get(other), false, wrong); // services meet only through Kafka
                }
            }
        }
        expect(model, at, "stranger", "kafka", 9092, false, wrong);
        expect(model, at, "stranger", "postgres", 5432, false, wrong);
        expect(model, at, "prometheus", "postgres", 5432, false, wrong);
        Endpoint crawler = at.get("crawler-service");
        expect(model, crawler, Endpoint.address("93.184.216.34"), "TCP", 80, true, "crawler -> internet:80", wrong);
        expect(model, crawler, Endpoint.address("2606:2800:21f:cb07:6820:80da:af6b:8b2c"), "TCP", 443, true, "crawler -> internet (IPv6):443", wrong);
        expect(model, crawler, Endpoint.address("93.184.216.34"), "TCP", 8080, false, "crawler -> internet:8080 (80/443 only)", wrong);
        for (String address : List.of("10.96.0.1", "10.0.0.1", "172.17.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "127.0.0.1", "fd00::1", "fe80::1", "::1")) {
            for (int port : List.of(80, 443)) {
                expect(model, crawler, Endpoint.address(address), "TCP", port, false, "crawler -> " + address + ":" + port, wrong);
            }
        }
        assertTrue(wrong.isEmpty(), overlay + ":\n" + String.join("\n", wrong));
    }

    /** The evaluator itself, on the cases the checks above rely on. */
    @Test
    void cidrArithmetic() {
        assertTrue(NetworkPolicyModel.inCidr("0.0.0.0/0", "93.184.216.34"));
        assertTrue(NetworkPolicyModel.inCidr("172.16.0.0/12", "172.31.255.255"));
        assertFalse(NetworkPolicyModel.inCidr("172.16.0.0/12", "172.32.0.1"));
        assertTrue(NetworkPolicyModel.inCidr("fc00::/7", "fd12:3456::1"));
        assertFalse(NetworkPolicyModel.inCidr("0.0.0.0/0", "::1"));
        assertTrue(contains("10.0.0.0/8", "10.96.0.0/12"));
        assertFalse(contains("10.96.0.0/12", "10.0.0.0/8"));
        assertTrue(overlaps("0.0.0.0/0", "192.168.0.0/16"));
        assertFalse(overlaps("8.8.8.0/24", "192.168.0.0/16"));
    }

    private static void expect(NetworkPolicyModel model, Map<String, Endpoint> at, String from, String to, int port, boolean allowed, List<String> wrong) {
        String protocol = port == 53 ? "UDP" : "TCP";
        expect(model, at.get(from), at.get(to), protocol, port, allowed, from + " -> " + to + ":" + port, wrong);
    }

    private static void expect(NetworkPolicyModel model, Endpoint from, Endpoint to, String protocol, int port, boolean allowed, String what, List<String> wrong) {
        if (model.allows(from, to, protocol, port) != allowed) {
            wrong.add(what + " should be " + (allowed ? "allowed" : "denied"));
        }
    }

    /** The dev StatefulSet's pod labels, or CloudNativePG's (cnpg.io/cluster plus the Cluster's inheritedMetadata). */
    private static Map<String, String> postgresLabels(K8s.Rendered r) {
        return r.find("StatefulSet", "postgres").map(s -> labels(s.at("/spec/template/metadata/labels"))).orElseGet(() -> {
            JsonNode cluster = r.ofKind("Cluster").get(0);
            Map<String, String> labels = new LinkedHashMap<>(labels(cluster.at("/spec/inheritedMetadata/labels")));
            labels.put("cnpg.io/cluster", cluster.at("/metadata/name").asText());
            labels.put("cnpg.io/instanceRole", "primary");
            return labels;
        });
    }

    static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Whether CIDR {@code outer} contains all of {@code inner}. */
    static boolean contains(String outer, String inner) {
        int outerPrefix = Integer.parseInt(outer.split("/")[1]);
        int innerPrefix = Integer.parseInt(inner.split("/")[1]);
        return outerPrefix <= innerPrefix && NetworkPolicyModel.inCidr(outer, inner.split("/")[0]);
    }

    static boolean overlaps(String a, String b) {
        return NetworkPolicyModel.inCidr(a, b.split("/")[0]) || NetworkPolicyModel.inCidr(b, a.split("/")[0]);
    }
}
