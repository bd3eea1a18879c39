package io.univinsight.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: surefire passes it as univ.project.root; otherwise found upwards from the working directory. */
public final class ProjectRoot {
    private ProjectRoot() {
    }

    public static Path get() {
        String configured = System.getProperty("univ.project.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "k8s"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))
                    && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root (k8s/, docker-compose.yml, pom.xml) above " + Path.of("").toAbsolutePath());
    }
}
