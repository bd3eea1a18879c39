package io.univinsight.crawler.render;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.univinsight.crawler.config.Executables;

/** Finds the Chromium to launch: the configured path, else the first known name on the PATH. Nothing is downloaded. */
public final class ChromiumLocator {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private ChromiumLocator() {
    }

    public static Optional<Path> find(Optional<String> configured) {
        return Executables.find(configured, NAMES);
    }
}
