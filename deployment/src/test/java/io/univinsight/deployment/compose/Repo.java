package io.univinsight.deployment.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The repository the deployment files live in, and readers for what the checks compare. */
final class Repo {
    /** The four services that become images, each a Maven module with its own port. */
    static final List<String> SERVICES = List.of("task-api", "crawler-service", "persistence-service", "monitor-service");

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Repo() {
    }

    static Path root() {
        return io.univinsight.deployment.ProjectRoot.get();
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static JsonNode yaml(String relative) {
        try {
            JsonNode node = YAML.readTree(path(relative).toFile());
            if (node == null || node.isMissingNode()) {
                throw new IllegalStateException(relative + " is empty");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + relative, e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A service module's src/main/resources/application.properties. */
    static Properties quarkusProperties(String module) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path(module + "/src/main/resources/application.properties"))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties of " + module, e);
        }
        return p;
    }

    /** quarkus.http.port of a service module (the prod value: %prod. wins over the plain key). */
    static int httpPort(String module) {
        Properties p = quarkusProperties(module);
        String port = p.getProperty("%prod.quarkus.http.port", p.getProperty("quarkus.http.port"));
        if (port == null) {
            throw new IllegalStateException(module + " sets no quarkus.http.port");
        }
        return Integer.parseInt(port.strip());
    }
}
