package io.univinsight.crawler.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds a program the crawler runs (Chromium, tesseract): the configured path, else the first known name on the PATH. */
public final class Executables {
    private Executables() {
    }

    public static Optional<Path> find(Optional<String> configured, List<String> names) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path path = Path.of(configured.get());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String name : names) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
