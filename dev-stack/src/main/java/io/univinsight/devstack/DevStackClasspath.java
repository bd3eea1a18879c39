package io.univinsight.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project root and the dev-stack runtime classpath written at package time
 * (target/runtime.classpath), so the broker and PostgreSQL run in child JVMs whose jars
 * never mix with a Quarkus application's.
 */
public final class DevStackClasspath {
    private DevStackClasspath() {
    }

    /** The folder holding dev-stack/: from -Duniv.project.root, UNIV_PROJECT_ROOT, or upwards from the working directory. */
    public static Path projectRoot() {
        String configured = System.getProperty("univ.project.root", System.getenv("UNIV_PROJECT_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("dev-stack")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the UnivInsight project root above " + Path.of("").toAbsolutePath());
    }

    /** dev-stack.jar followed by its runtime dependencies. */
    public static String runtimeClasspath(Path projectRoot) {
        return moduleClasspath(projectRoot, "dev-stack");
    }

    /**
     * MODULE/target/MODULE.jar followed by the runtime dependencies its build wrote to
     * target/runtime.classpath (dev-stack, and ops-tools for the autoscaler).
     */
    public static String moduleClasspath(Path projectRoot, String module) {
        Path target = projectRoot.resolve(module).resolve("target");
        Path jar = target.resolve(module + ".jar");
        Path deps = target.resolve("runtime.classpath");
        if (!Files.exists(jar) || !Files.exists(deps)) {
            throw new IllegalStateException(module + " is not built: run ./mvnw -pl " + module + " -am package -DskipTests (missing " + jar + ")");
        }
        try {
            return jar + java.io.File.pathSeparator + Files.readString(deps).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java binary of the running JVM, used for every child process. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
