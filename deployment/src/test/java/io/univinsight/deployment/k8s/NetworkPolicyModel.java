package io.univinsight.deployment.k8s;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small evaluator of networking.k8s.io/v1 NetworkPolicy semantics over rendered policies, enough
 * to ask "may A open a connection to B on port P": a pod is isolated in a direction once any policy
 * of its namespace selects it for that direction, and then a connection needs a matching rule on
 * the sender's egress and on the receiver's ingress. Peers: podSelector (policy's namespace),
 * namespaceSelector, both, or ipBlock (cidr minus except). Ports: protocol, number, endPort.
 * Pods of other namespaces have no policies here (not isolated). In-cluster pods get an address
 * in 10.0.0.0/8, so ipBlocks are tested against them too (CNIs differ on that; assuming they apply is the strict reading).
 */
final class NetworkPolicyModel {
    /** A connection end: a pod (namespace and labels) or an outside address (namespace null). */
    record Endpoint(String namespace, Map<String, String> labels, String ip) {
        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace, labels, "10.244.1.17");
        }

        static Endpoint address(String ip) {
            return new Endpoint(null, Map.of(), ip);
        }

        boolean isPod() {
            return namespace != null;
        }
    }

    private final String namespace;
    private final List<JsonNode> policies;

    NetworkPolicyModel(String namespace, List<JsonNode> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    boolean allows(Endpoint from, Endpoint to, String protocol, int port) {
        return direction(from, to, "Egress", protocol, port) && direction(to, from, "Ingress", protocol, port);
    }

    /** Whether {@code self}'s policies of the given direction let the connection with {@code other} through. */
    private boolean direction(Endpoint self, Endpoint other, String type, String protocol, int port) {
        if (!self.isPod() || !namespace.equals(self.namespace())) {
            return true; // outside the namespace: no policies known, not isolated
        }
        boolean isolated = false;
        for (JsonNode policy : policies) {
            if (!matches(policy.at("/spec/podSelector"), self.labels()) || !types(policy).contains(type)) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : policy.at("/spec/" + (type.equals("Egress") ? "egress" : "ingress"))) {
                if (portMatches(rule.path("ports"), protocol, port) && peerMatches(rule.path(type.equals("Egress") ? "to" : "from"), other)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static List<String> types(JsonNode policy) {
        JsonNode types = policy.at("/spec/policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            return policy.at("/spec/egress").isMissingNode() ? List.of("Ingress") : List.of("Ingress", "Egress");
        }
        return WorkloadConsistencyTests.stream(types).map(JsonNode::asText).toList();
    }

    private static boolean portMatches(JsonNode ports, String protocol, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals(protocol)) {
                continue;
            }
            if (!p.has("port")) {
                return true;
            }
            if (!p.path("port").isInt()) {
                throw new IllegalArgumentException("named ports in NetworkPolicies are not modelled: " + p);
            }
            int from = p.path("port").asInt();
            int to = p.path("endPort").asInt(from);
            if (port >= from && port <= to) {
                return true;
            }
        }
        return false;
    }

    private boolean peerMatches(JsonNode peers, Endpoint other) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                if (inBlock(peer.path("ipBlock"), other.ip())) {
                    return true;
                }
                continue;
            }
            if (!other.isPod()) {
                continue;
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? matches(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", other.namespace()))
                    : namespace.equals(other.namespace());
            boolean podOk = !peer.has("podSelector") || matches(peer.path("podSelector"), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean inBlock(JsonNode block, String ip) {
        if (!inCidr(block.path("cidr").asText(), ip)) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidr(except.asText(), ip)) {
                return false;
            }
        }
        return true;
    }

    static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = network.length * 8;
            int prefix = Integer.parseInt(parts[1]);
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, network).and(mask).equals(new BigInteger(1, address).and(mask));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr + " / " + ip, e);
        }
    }

    /** A LabelSelector (matchLabels and matchExpressions; empty selects everything). */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            List<String> values = WorkloadConsistencyTests.stream(expression.path("values")).map(JsonNode::asText).toList();
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
