package io.univinsight.deployment.k8s;

import static io.univinsight.deployment.k8s.WorkloadConsistencyTests.envValue;
import static io.univinsight.deployment.k8s.WorkloadConsistencyTests.mainContainer;
import static io.univinsight.deployment.k8s.WorkloadConsistencyTests.stream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Quantity;
import io.univinsight.deployment.BrowserSwitches;
import io.univinsight.deployment.k8s.NetworkPolicyModel.Endpoint;

/**
 * The crawler's browser (issue 14's render stage) runs as a native sidecar of the crawler pod: its own
 * limits and hardening, reached by the crawler at crawler.render.cdp-endpoint on the pod's loopback,
 * with the same second wall as a browser the crawler launches, and its DevTools port open to nobody.
 */
class RenderSidecarTests {
    static final String SIDECAR = "render";
    static final String ENDPOINT = "http://127.0.0.1:9222";

    static Stream<String> renders() {
        return Stream.concat(Stream.of("base"), K8s.overlays().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theBrowserIsANativeSidecarWithItsOwnLimits(String target) {
        JsonNode sidecar = sidecar(K8s.render(target));
        String where = target + " " + SIDECAR + ": ";
        // An init container that keeps running: started before the crawler, stopped after it.
        assertEquals("Always", sidecar.path("restartPolicy").asText(), where + "restartPolicy Always (a native sidecar)");
        String image = sidecar.path("image").asText();
        assertTrue(image.matches("(docker\\.io/)?chromedp/headless-shell:\\d+(\\.\\d+)+"), where + "image " + image + " is not a pinned headless-shell version");
        JsonNode resources = sidecar.path("resources");
        for (String field : List.of("/requests/cpu", "/requests/memory", "/limits/cpu", "/limits/memory")) {
            assertFalse(resources.at(field).asText().isEmpty(), where + "resources" + field.replace('/', '.'));
        }
        long requested = Quantity.getAmountInBytes(new Quantity(resources.at("/requests/memory").asText())).longValue();
        long limit = Quantity.getAmountInBytes(new Quantity(resources.at("/limits/memory").asText())).longValue();
        assertTrue(requested <= limit && limit <= 2L << 30, where + "memory request " + requested + " within a limit of at most 2 GiB, got " + limit);
        assertTrue(sidecar.has("startupProbe") && sidecar.has("livenessProbe"), where + "startup and liveness probes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theBrowserRunsHardened(String target) {
        K8s.Rendered r = K8s.render(target);
        JsonNode pod = r.get("Deployment", "crawler-service").at("/spec/template/spec");
        JsonNode sidecar = sidecar(r);
        JsonNode sc = sidecar.path("securityContext");
        String where = target + " " + SIDECAR + ": ";
        assertTrue(sc.path("runAsNonRoot").asBoolean(), where + "runAsNonRoot");
        assertNotEquals(0, sc.path("runAsUser").asInt(0), where + "runAsUser is not root");
        assertFalse(sc.path("allowPrivilegeEscalation").asBoolean(true), where + "allowPrivilegeEscalation");
        assertTrue(sc.path("readOnlyRootFilesystem").asBoolean(), where + "readOnlyRootFilesystem");
        assertEquals(List.of("ALL"), stream(sc.at("/capabilities/drop")).map(JsonNode::asText).toList(), where + "capabilities drop ALL");
        assertTrue(sc.at("/capabilities/add").isMissingNode(), where + "no capability added");
        assertEquals("RuntimeDefault", sc.at("/seccompProfile/type").asText(pod.at("/securityContext/seccompProfile/type").asText()), where + "seccompProfile");
        String tmp = stream(sidecar.path("volumeMounts")).filter(m -> m.path("mountPath").asText().equals("/tmp"))
                .map(m -> m.path("name").asText()).findFirst().orElse(null);
        JsonNode volume = stream(pod.path("volumes")).filter(v -> v.path("name").asText().equals(tmp)).findFirst().orElse(null);
        assertTrue(volume != null && volume.has("emptyDir"), where + "/tmp is not an emptyDir");
        assertFalse(volume.at("/emptyDir/sizeLimit").asText().isEmpty(), where + "/tmp emptyDir without sizeLimit");
        assertTrue(stream(mainContainer(r, "crawler-service").path("volumeMounts")).noneMatch(m -> m.path("name").asText().equals(tmp)),
                where + "the browser's /tmp is its own, not shared with the crawler");
    }

    /** The crawler connects to the sidecar's DevTools on the loopback, where the browser listens, and nowhere else. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theCrawlerReachesTheBrowserOnTheLoopback(String target) {
        K8s.Rendered r = K8s.render(target);
        String endpoint = envValue(r, mainContainer(r, "crawler-service"), "CRAWLER_RENDER_CDP_ENDPOINT").orElse(null);
        assertEquals(ENDPOINT, endpoint, target + ": crawler-service CRAWLER_RENDER_CDP_ENDPOINT");
        List<String> args = args(sidecar(r));
        URI uri = URI.create(endpoint);
        assertTrue(args.contains("--remote-debugging-port=" + uri.getPort()), target + ": the browser's DevTools port: " + args);
        assertTrue(args.contains("--remote-debugging-address=" + uri.getHost()), target + ": DevTools only on the loopback: " + args);
    }

    /** A request escaping the crawler's interception reaches nothing, as from a browser the crawler launches. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void theBrowserHasTheSameSecondWallAsALaunchedOne(String target) {
        List<String> args = args(sidecar(K8s.render(target)));
        assertTrue(args.containsAll(BrowserSwitches.secondWall()), target + ": sidecar args " + args + " lack some of " + BrowserSwitches.secondWall());
    }

    /** Nobody, in the namespace, in monitoring or outside, reaches a crawler pod's DevTools port. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renders")
    void noPolicyOpensTheDevToolsPort(String target) {
        K8s.Rendered r = K8s.render(target);
        NetworkPolicyModel model = new NetworkPolicyModel(K8s.NAMESPACE, r.ofKind("NetworkPolicy"));
        Endpoint crawler = Endpoint.pod(K8s.NAMESPACE, NetworkPolicyTests.labels(r.get("Deployment", "crawler-service").at("/spec/template/metadata/labels")));
        int port = URI.create(ENDPOINT).getPort();
        for (Endpoint from : List.of(Endpoint.pod(K8s.NAMESPACE, Map.of("app.kubernetes.io/name", "task-api")),
                Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus")), Endpoint.address("93.184.216.34"))) {
            assertFalse(model.allows(from, crawler, "TCP", port), target + ": " + from + " reaches the DevTools port");
        }
    }

    static JsonNode sidecar(K8s.Rendered r) {
        return stream(r.get("Deployment", "crawler-service").at("/spec/template/spec/initContainers"))
                .filter(c -> c.path("name").asText().equals(SIDECAR)).findFirst()
                .orElseGet(() -> org.junit.jupiter.api.Assertions.fail(r.target() + ": crawler-service has no init container " + SIDECAR));
    }

    static List<String> args(JsonNode container) {
        return stream(container.path("args")).map(JsonNode::asText).toList();
    }
}
