package io.univinsight.deployment.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml as Docker Compose itself reads it, offline (no Docker engine needed):
 * {@code docker-compose -f docker-compose.yml config -q} with the standalone docker-compose
 * (Debian's package, 1.29.2: {@code apt-get install docker-compose}). Skipped, with the reason,
 * where that binary is not installed.
 */
class ComposeConfigValidationTests {

    /** The first docker-compose executable on PATH. */
    static Optional<Path> dockerCompose() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "docker-compose");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    record Result(int exit, String stdout, String stderr) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(Repo.root().toFile());
        // The file's own defaults (${VAR:-default}) must be enough: no variables from the caller's shell.
        for (String name : List.of("POSTGRES_USER", "POSTGRES_PASSWORD", "API_OPEN", "API_KEYS", "GRAFANA_ADMIN_PASSWORD",
                "COMPOSE_FILE", "COMPOSE_PROJECT_NAME")) {
            pb.environment().remove(name);
        }
        Path out = Files.createTempFile("compose-config", ".out");
        Path err = Files.createTempFile("compose-config", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within 120 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Optional<Path> bin = dockerCompose();
        assumeTrue(bin.isPresent(), "docker-compose is not installed (apt-get install docker-compose gives 1.29.2); "
                + "docker-compose.yml was checked by the other compose tests only");
        List<String> command = new ArrayList<>(List.of(bin.get().toString(), "-f", "docker-compose.yml", "config", "-q"));
        Result r = run(command);
        assertEquals(0, r.exit(), "docker-compose config -q rejected docker-compose.yml:\n" + r.stderr() + r.stdout());
        assertFalse(r.stderr().contains("variable is not set"), "a variable has no default:\n" + r.stderr());
    }

    @Test
    void dockerComposeResolvesEveryServiceAndVolume() throws Exception {
        Optional<Path> bin = dockerCompose();
        assumeTrue(bin.isPresent(), "docker-compose is not installed (apt-get install docker-compose gives 1.29.2)");
        Result services = run(List.of(bin.get().toString(), "-f", "docker-compose.yml", "config", "--services"));
        assertEquals(0, services.exit(), services.stderr());
        List<String> listed = services.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).sorted().toList();
        List<String> expected = new ArrayList<>();
        ComposeFileTests.composeServices().fieldNames().forEachRemaining(expected::add);
        assertEquals(expected.stream().sorted().toList(), listed, "docker-compose and Jackson read the same services");
        Result volumes = run(List.of(bin.get().toString(), "-f", "docker-compose.yml", "config", "--volumes"));
        assertEquals(0, volumes.exit(), volumes.stderr());
        assertTrue(volumes.stdout().lines().anyMatch("monitor-streams"::equals), volumes.stdout());
    }
}
