package io.univinsight.deployment.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/** k8s/ builds: base, the monitoring rule and every overlay render with kubectl kustomize, components through the overlays that use them. */
class KustomizeRenderTests {

    static List<String> targets() {
        return K8s.targets();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void rendersWithoutError(String target) {
        K8s.Rendered rendered = K8s.render(target);
        assertFalse(rendered.objects().isEmpty(), target + " rendered nothing");
        Set<String> seen = new HashSet<>();
        for (JsonNode object : rendered.objects()) {
            assertTrue(object.hasNonNull("apiVersion") && object.hasNonNull("kind"), target + ": an object without apiVersion/kind: " + object);
            assertFalse(object.at("/metadata/name").asText().isEmpty(), target + ": an object without a name: " + object);
            assertTrue(seen.add(object.path("apiVersion").asText() + " " + K8s.id(object) + " " + object.at("/metadata/namespace").asText()),
                    target + ": " + K8s.id(object) + " twice");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.univinsight.deployment.k8s.K8s#overlays")
    void overlaysPutEverythingInTheNamespace(String overlay) {
        for (JsonNode object : K8s.render(overlay).objects()) {
            if (!object.path("kind").asText().equals("Namespace")) {
                assertEquals(K8s.NAMESPACE, object.at("/metadata/namespace").asText(), overlay + ": " + K8s.id(object));
            }
        }
    }

    /** A component nobody uses is never rendered, so it would never be checked. */
    @Test
    void everyComponentIsUsedByAnOverlay() throws IOException {
        Set<String> used = new HashSet<>();
        for (String overlay : K8s.overlays()) {
            JsonNode kustomization = K8s.YAML.readTree(K8s.k8s().resolve(overlay).resolve("kustomization.yaml").toFile());
            for (JsonNode component : kustomization.path("components")) {
                used.add(K8s.k8s().resolve(overlay).resolve(component.asText()).normalize().toString());
            }
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> components = Files.list(K8s.k8s().resolve("components"))) {
            components.filter(Files::isDirectory)
                    .filter(c -> !used.contains(c.normalize().toString()))
                    .forEach(c -> unused.add(c.getFileName().toString()));
        }
        assertTrue(unused.isEmpty(), "components used by no overlay: " + unused);
    }
}
