package io.univinsight.systemtests.chaos.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.univinsight.systemtests.StackUnderTest;

/** What a scenario's notes report about its processes: memory, disk, and tasks crawled twice. */
public final class ProcessMeasures {
    private ProcessMeasures() {
    }

    /** Resident memory of a process in MB (VmRSS of /proc/PID/status), -1 when unreadable. */
    public static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone or not Linux
        }
        return -1;
    }

    /** RSS in MB of every process the launcher runs, by name. */
    public static Map<String, Long> rss(StackUnderTest stack) {
        Map<String, Long> out = new TreeMap<>();
        stack.launcher().running().forEach((c, p) -> out.put(c.id(), rssMb(p.pid())));
        stack.launcher().crawlerReplicas().forEach((i, p) -> out.put("crawler-service-" + i, rssMb(p.pid())));
        return out;
    }

    /** "X MB on disk (Y MB of log segments)": du's block count, and the bytes in *.log files. */
    public static String diskUse(Path dir) {
        long onDisk = -1;
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            String out = new String(du.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (du.waitFor() == 0) {
                onDisk = Long.parseLong(out.split("\\s+")[0]) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // no du: only the segment bytes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long bytes = segmentBytes(dir);
        long segments = bytes < 0 ? -1 : bytes / (1024 * 1024);
        return onDisk + " MB on disk (" + segments + " MB of log segments)";
    }

    /**
     * Bytes of the Kafka log segments under {@code dir}. The broker renames and deletes files (its
     * checkpoint .tmp files, rolled segments) while this walks, so a file gone mid-walk is skipped,
     * never an error: this is a reading of a live directory.
     */
    static long segmentBytes(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".log")) {
                        total[0] += attrs.size();
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE; // gone while we walked
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return total[0];
    }

    /**
     * How many of these tasks a crawler ran to completion more than once (at-least-once: a task
     * whose offset was not committed when its crawler died runs again), from the crawler logs
     * ("task ID completed: ..."), the killed process's log included.
     */
    public static long reRuns(StackUnderTest stack, Set<String> taskIds) {
        Map<String, Integer> runs = new HashMap<>();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("task ([0-9a-f-]{36}) completed:");
        try (var files = Files.list(stack.settings().logDir())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("crawler-service")).toList()) {
                try (var lines = Files.lines(f)) {
                    lines.forEach(l -> {
                        java.util.regex.Matcher m = line.matcher(l);
                        if (m.find() && taskIds.contains(m.group(1))) {
                            runs.merge(m.group(1), 1, Integer::sum);
                        }
                    });
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
        return runs.values().stream().filter(n -> n > 1).count();
    }
}
