package io.univinsight.monitor.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Debian's Chromium, headless, as a page renderer for tests: loads a URL, lets its scripts run
 * for a virtual-time budget and returns the DOM as it then stands. Nothing is downloaded.
 */
public final class HeadlessChromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static Document renderedDom(String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Path stderr = profile.resolveSibling(profile.getFileName() + ".log");
        Process chromium = new ProcessBuilder(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url))
                .redirectError(stderr.toFile())
                .start();
        try {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return chromium.getInputStream().readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
                throw new IllegalStateException("chromium did not finish within 90 s");
            }
            byte[] dom = output.get(10, TimeUnit.SECONDS);
            if (chromium.exitValue() != 0 || dom.length == 0) {
                throw new IllegalStateException("chromium exited " + chromium.exitValue() + ": " + Files.readString(stderr));
            }
            return Jsoup.parse(new String(dom, StandardCharsets.UTF_8), url);
        } finally {
            // Only what this call started: the browser and its helper processes.
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
            chromium.waitFor(10, TimeUnit.SECONDS);
            deleteTree(profile);
            Files.deleteIfExists(stderr);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
