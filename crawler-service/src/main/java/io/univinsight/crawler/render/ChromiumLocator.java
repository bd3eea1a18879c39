package io.univinsight.crawler.render;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the Chromium to launch: the configured path, else the first known name on the PATH. Nothing is downloaded. */
public final class ChromiumLocator {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private ChromiumLocator() {
    }

    public static Optional<Path> find(Optional<String> configured) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            Path path = Path.of(configured.get());
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String name : NAMES) {
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
