package io.univinsight.deployment.compose;

import static io.univinsight.deployment.compose.ComposeFileTests.dependsOn;
import static io.univinsight.deployment.compose.ComposeFileTests.environment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.deployment.BrowserSwitches;

/**
 * The crawler's browser in docker-compose.yml (service render, started by deploy/compose/render.sh):
 * alone with the crawler on an internal network, called by a fixed IP (DevTools refuses host names),
 * memory-limited and hardened, with the same second wall as a browser the crawler launches.
 */
class RenderServiceTests {
    static final String RENDER = "render";
    static final String SCRIPT = "deploy/compose/render.sh";

    static JsonNode compose;
    static JsonNode render;
    static String script;

    @BeforeAll
    static void parse() {
        compose = Repo.yaml(ComposeFileTests.COMPOSE);
        render = compose.path("services").path(RENDER);
        assertTrue(render.isObject(), "docker-compose.yml has no service " + RENDER);
        script = Repo.read(Repo.path(SCRIPT));
    }

    /** The same pinned browser as the Kubernetes sidecar. */
    @Test
    void theImageIsThePinnedHeadlessShellOfTheKubernetesSidecar() {
        String image = render.path("image").asText();
        assertTrue(image.matches("(docker\\.io/)?chromedp/headless-shell:\\d+(\\.\\d+)+"), image);
        JsonNode deployment = Repo.yaml("k8s/base/crawler-service/deployment.yaml");
        String sidecar = deployment.at("/spec/template/spec/initContainers/0/image").asText();
        assertEquals(sidecar, image, "k8s sidecar and compose run the same browser");
    }

    @Test
    void onlyTheCrawlerSharesTheBrowsersNetworkAndItLeadsNowhere() {
        JsonNode network = compose.path("networks").path(RENDER);
        assertTrue(network.path("internal").asBoolean(), "the render network is internal (no route out)");
        List<String> members = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(e -> {
            if (networks(e.getValue()).contains(RENDER)) {
                members.add(e.getKey());
            }
        });
        assertEquals(List.of("crawler-service", RENDER), members.stream().sorted().toList(), "members of the render network");
        assertEquals(List.of(RENDER), networks(render), "the browser is on no other network");
        assertTrue(networks(compose.path("services").path("crawler-service")).contains("default"), "the crawler still reaches Kafka");
        assertTrue(render.path("ports").isEmpty() && render.path("expose").isEmpty(), "the browser publishes nothing");
    }

    /** The crawler calls the browser's fixed address, inside the network's subnet, on the port socat forwards. */
    @Test
    void theCrawlerCallsTheBrowserByItsFixedAddress() {
        String endpoint = environment(compose.path("services").path("crawler-service")).get("CRAWLER_RENDER_CDP_ENDPOINT");
        assertTrue(endpoint != null, "crawler-service has no CRAWLER_RENDER_CDP_ENDPOINT");
        URI uri = URI.create(endpoint);
        String address = render.at("/networks/" + RENDER + "/ipv4_address").asText();
        assertEquals(address, uri.getHost(), "DevTools accepts only an IP address (or localhost) as Host: the render service's fixed address");
        String subnet = compose.at("/networks/" + RENDER + "/ipam/config/0/subnet").asText();
        assertTrue(address.startsWith(subnet.substring(0, subnet.lastIndexOf('.') + 1)), address + " in " + subnet);
        assertTrue(script.contains("TCP4-LISTEN:" + uri.getPort() + ","), "socat listens on the endpoint's port " + uri.getPort());
        assertTrue(script.contains("TCP4:127.0.0.1:9223") && script.contains("--remote-debugging-port=9223")
                && script.contains("--remote-debugging-address=127.0.0.1"), "socat forwards to the browser's DevTools on the loopback");
        assertEquals("service_healthy", dependsOn(compose.path("services").path("crawler-service")).get(RENDER));
    }

    @Test
    void theBrowserIsLimitedAndHardened() {
        assertFalse(render.path("mem_limit").asText().isEmpty(), "render mem_limit");
        assertEquals(render.path("mem_limit").asText(), render.path("memswap_limit").asText(), "no swap beyond the memory limit");
        assertFalse(render.path("cpus").asText().isEmpty(), "render cpus");
        String user = render.path("user").asText();
        assertFalse(user.isEmpty() || user.startsWith("0") || user.startsWith("root"), "render runs as a non-root user, not " + user);
        assertTrue(render.path("read_only").asBoolean(), "read-only root filesystem");
        assertEquals("[\"ALL\"]", render.path("cap_drop").toString());
        assertTrue(render.path("security_opt").toString().contains("no-new-privileges:true"));
        assertTrue(ComposeFileTests.textList(render.path("tmpfs")).stream().anyMatch(t -> t.startsWith("/tmp:") && t.contains("size=")),
                "a size-limited tmpfs /tmp for the profile and shared memory");
        assertTrue(render.path("entrypoint").toString().contains("/opt/univinsight/render.sh"));
        assertTrue(ComposeFileTests.mounts(render).stream().anyMatch(m -> m.bind() && m.source().equals("./" + SCRIPT)), "render.sh mounted");
    }

    @Test
    void theBrowserHasTheSameSecondWallAsALaunchedOne() {
        for (String wall : BrowserSwitches.secondWall()) {
            assertTrue(script.contains(wall), SCRIPT + " lacks " + wall);
        }
    }

    private static List<String> networks(JsonNode service) {
        JsonNode n = service.path("networks");
        TreeSet<String> names = new TreeSet<>();
        if (n.isArray()) {
            n.forEach(x -> names.add(x.asText()));
        } else {
            n.fieldNames().forEachRemaining(names::add);
        }
        return List.copyOf(names);
    }
}
