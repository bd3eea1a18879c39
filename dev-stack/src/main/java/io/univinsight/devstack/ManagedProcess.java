package io.univinsight.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A child process the stack started: output to a log file, identified by PID plus start
 * time (so a recycled PID is never mistaken for ours), stopped with SIGTERM then SIGKILL.
 */
public final class ManagedProcess {
    private final String name;
    private final long pid;
    private final Instant startedAt;
    private final Path logFile;

    private ManagedProcess(String name, long pid, Instant startedAt, Path logFile) {
        this.name = name;
        this.pid = pid;
        this.startedAt = startedAt;
        this.logFile = logFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            // A fresh log per start (the last one kept as .1): ready markers are searched in it.
            if (Files.exists(logFile)) {
                Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            Instant started = process.info().startInstant().orElse(Instant.now());
            return new ManagedProcess(name, process.pid(), started, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return pid;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return handle().isPresent();
    }

    /** The live process with this PID and start time, if any. */
    private Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> h.info().startInstant()
                .map(s -> Math.abs(Duration.between(s, startedAt).toMillis()) < 2000).orElse(true));
    }

    /** Waits until the log holds the marker line; fails early when the process dies. */
    public void awaitLogLine(String marker, Duration timeout) {
        awaitCondition(() -> logContains(marker), "'" + marker + "' in " + logFile, timeout);
    }

    public void awaitCondition(BooleanSupplier ready, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited before it was ready; last log lines:\n" + tail(30));
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s (waited for " + what + "); last log lines:\n" + tail(30));
    }

    private boolean logContains(String marker) {
        try {
            return Files.exists(logFile) && Files.readString(logFile, StandardCharsets.UTF_8).contains(marker);
        } catch (IOException e) {
            return false;
        }
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGKILL, as a crash would; waits until the process is gone. */
    public void kill() {
        handle().ifPresent(h -> {
            h.destroyForcibly();
            try {
                h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(name + " (pid " + pid + ") did not die on SIGKILL", e);
            }
        });
    }

    /** SIGTERM, wait up to the grace period, then SIGKILL. Returns true when it is gone. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> live = handle();
        if (live.isEmpty()) {
            return true;
        }
        ProcessHandle h = live.get();
        h.destroy();
        try {
            h.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception timeoutOrInterrupt) {
            h.destroyForcibly();
            try {
                h.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return !h.isAlive();
            }
        }
    }

    /** Writes "pid startMillis logFile" so another launcher run can find and stop it. */
    public void writePidFile(Path file) {
        try {
            Files.writeString(file, pid + " " + startedAt.toEpochMilli() + " " + logFile + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<ManagedProcess> fromPidFile(String name, Path file) {
        try {
            String[] parts = Files.readString(file).trim().split(" ", 3);
            ManagedProcess p = new ManagedProcess(name, Long.parseLong(parts[0]),
                    Instant.ofEpochMilli(Long.parseLong(parts[1])), Path.of(parts[2]));
            return Optional.of(p);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
