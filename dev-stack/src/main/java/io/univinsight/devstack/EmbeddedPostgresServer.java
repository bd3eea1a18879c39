package io.univinsight.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL from the embedded distribution on Maven Central, for machines that run none.
 * It runs as root too, keeps its data folder between runs, and prints {@link #READY_MARKER}.
 */
public final class EmbeddedPostgresServer {
    public static final String READY_MARKER = "UNIV-READY postgres";

    private EmbeddedPostgresServer() {
    }

    public static void run(Path dir, int port) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path work = Files.createDirectories(dir.resolve("work"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(work.toFile())
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("postgres stop failed: " + e);
            }
        }, "postgres-stop"));
        System.out.println(READY_MARKER + " jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        System.out.flush();
        Thread.currentThread().join();
    }
}
