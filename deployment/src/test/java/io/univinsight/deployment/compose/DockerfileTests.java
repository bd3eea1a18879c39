package io.univinsight.deployment.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Each service's src/main/docker/Dockerfile.jvm builds the Quarkus way: the ubi9 OpenJDK 17
 * runtime image, the four layers of target/quarkus-app, a non-root user, the service's port,
 * and a build context (.dockerignore) holding little more than target/quarkus-app.
 */
class DockerfileTests {
    static final List<String> SERVICES = Repo.SERVICES;
    static final String BASE_IMAGE = "registry.access.redhat.com/ubi9/openjdk-17-runtime";
    /** The fast-jar layout: dependencies, the runner jar(s), the application, Quarkus' own files. */
    static final Set<String> FAST_JAR_LAYERS = Set.of("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
            "target/quarkus-app/app/", "target/quarkus-app/quarkus/");

    record Instruction(String keyword, String args) {
    }

    /** The instructions of a Dockerfile: comments dropped, continuation lines joined. */
    static List<Instruction> instructions(String module) {
        Path file = Repo.path(module + "/src/main/docker/Dockerfile.jvm");
        assertTrue(Files.isRegularFile(file), "no " + file);
        List<Instruction> list = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Repo.read(file).split("\n")) {
            String l = line.strip();
            if (l.startsWith("#") || (l.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (l.endsWith("\\")) {
                current.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            current.append(l);
            String text = current.toString().strip();
            current.setLength(0);
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            list.add(new Instruction(text.substring(0, space < 0 ? text.length() : space).toUpperCase(),
                    space < 0 ? "" : text.substring(space + 1).strip()));
        }
        return list;
    }

    static List<String> args(List<Instruction> instructions, String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::args).toList();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void startsFromTheUbi9OpenJdk17RuntimeImage(String module) {
        List<String> from = args(instructions(module), "FROM");
        assertEquals(1, from.size(), module + ": one stage, built from target/quarkus-app");
        assertTrue(from.get(0).matches(Pattern.quote(BASE_IMAGE) + ":[0-9][\\w.\\-]*"),
                module + ": FROM " + from.get(0) + " (pinned " + BASE_IMAGE + ")");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void copiesTheFastJarLayersOwnedByTheRuntimeUser(String module) {
        List<String> copies = args(instructions(module), "COPY");
        Set<String> sources = new java.util.HashSet<>();
        for (String copy : copies) {
            List<String> words = new ArrayList<>(List.of(copy.split("\\s+")));
            assertTrue(words.remove("--chown=185") || words.remove("--chown=185:0") || words.remove("--chown=185:root"),
                    module + ": COPY " + copy + " is not owned by 185");
            assertFalse(words.stream().anyMatch(w -> w.startsWith("--from")), module + ": no build stage");
            assertEquals(2, words.size(), module + ": COPY " + copy);
            assertTrue(words.get(0).startsWith("target/quarkus-app/"), module + ": COPY from " + words.get(0));
            assertTrue(words.get(1).startsWith("/deployments/"), module + ": COPY to " + words.get(1));
            sources.add(words.get(0));
        }
        assertEquals(FAST_JAR_LAYERS, sources, module + " copies the fast-jar layout");
        assertTrue(args(instructions(module), "ADD").isEmpty(), module + ": COPY, not ADD");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void runsAsNonRootUser185(String module) {
        List<Instruction> all = instructions(module);
        List<String> users = args(all, "USER");
        assertFalse(users.isEmpty(), module + " sets no USER");
        assertEquals("185", users.get(users.size() - 1), module + ": the last USER is 185 (non-root)");
        // whatever runs as root (creating directories) comes before the COPY of the application
        int lastUser = all.lastIndexOf(all.stream().filter(i -> i.keyword().equals("USER")).reduce((a, b) -> b).get());
        assertTrue(all.subList(lastUser, all.size()).stream().noneMatch(i -> i.keyword().equals("RUN")),
                module + ": nothing RUNs after the final USER 185");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void exposesTheServicePortAndRunsQuarkusRunJar(String module) {
        List<Instruction> all = instructions(module);
        int port = Repo.httpPort(module);
        assertEquals(List.of(String.valueOf(port)), args(all, "EXPOSE"), module + " exposes its quarkus.http.port");
        String env = String.join(" ", args(all, "ENV"));
        Matcher opts = Pattern.compile("JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(env);
        assertTrue(opts.find(), module + ": no JAVA_OPTS_APPEND");
        assertTrue(opts.group(1).contains("-Dquarkus.http.host=0.0.0.0"), module + ": listens on every interface");
        assertTrue(opts.group(1).contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager"),
                module + ": JBoss LogManager");
        assertTrue(env.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), module + ": runs quarkus-run.jar");
        assertEquals(List.of("[ \"/opt/jboss/container/java/run/run-java.sh\" ]"), args(all, "ENTRYPOINT"),
                module + ": the image's run-java.sh (heap sized from the container)");
        List<String> health = args(all, "HEALTHCHECK");
        if (!health.isEmpty()) {
            String check = health.get(0);
            assertTrue(check.contains("/q/health/ready") && check.contains(String.valueOf(port)),
                    module + ": HEALTHCHECK asks readiness on " + port + ": " + check);
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void buildContextHoldsOnlyTheQuarkusApp(String module) {
        Path ignore = Repo.path(module + "/.dockerignore");
        assertTrue(Files.isRegularFile(ignore), module + " has no .dockerignore (the context would be the whole module)");
        List<String> rules = Repo.read(ignore).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("*", rules.get(0), module + ": .dockerignore excludes everything first");
        assertTrue(rules.stream().anyMatch(r -> r.matches("!/?target/quarkus-app(/|/\\*|/\\*\\*)?")),
                module + ": .dockerignore lets target/quarkus-app in: " + rules);
        assertTrue(rules.stream().filter(r -> r.startsWith("!")).allMatch(r -> r.matches("!/?target/quarkus-app(/.*)?")),
                module + ": only target/quarkus-app is let in: " + rules);
    }
}
