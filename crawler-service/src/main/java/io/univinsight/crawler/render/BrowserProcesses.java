package io.univinsight.crawler.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes of one launched browser, found by a marker switch on its command line (Chromium
 * ignores switches it does not know): its resident memory, and killing it when it hangs. Linux
 * only (reads /proc); elsewhere the memory is unknown and only the driver's close ends it.
 */
final class BrowserProcesses {
    private final String marker;

    BrowserProcesses(String marker) {
        this.marker = marker;
    }

    /** The browser's main process and all its children (renderers, GPU, utility), while it runs. */
    List<ProcessHandle> all() {
        Optional<ProcessHandle> main = ProcessHandle.current().descendants().filter(p -> commandLine(p.pid()).contains(marker))
                .filter(p -> p.parent().map(parent -> !commandLine(parent.pid()).contains(marker)).orElse(true))
                .findFirst();
        return main.map(m -> Stream.concat(Stream.of(m), m.descendants()).toList()).orElse(List.of());
    }

    /** Resident bytes of all the browser's processes (shared pages counted once per process: an upper bound). */
    long residentBytes() {
        return all().stream().mapToLong(p -> residentBytes(p.pid())).sum();
    }

    /** Kills every process of the browser at once (a hung browser does not answer a polite close). */
    int killAll() {
        List<ProcessHandle> processes = all();
        processes.forEach(ProcessHandle::destroyForcibly);
        return processes.size();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    private static long residentBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // the process ended meanwhile
        }
        return 0;
    }
}
