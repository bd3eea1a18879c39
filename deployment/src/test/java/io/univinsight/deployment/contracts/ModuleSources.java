package io.univinsight.deployment.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.univinsight.deployment.ProjectRoot;

/** The files of every module of the project (a folder of the root with a pom.xml), for the tree-wide rules. */
final class ModuleSources {
    private ModuleSources() {
    }

    /** The .java files under each module's {@code folder} ("src" for all of them, "src/main/java" for production code). */
    static List<Path> javaFiles(String folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ProjectRoot.get())) {
            for (Path module : modules.filter(m -> Files.isRegularFile(m.resolve("pom.xml"))).toList()) {
                Path dir = module.resolve(folder);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                }
            }
        }
        return out;
    }
}
