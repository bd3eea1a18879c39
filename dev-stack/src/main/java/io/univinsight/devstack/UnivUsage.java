package io.univinsight.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The ./univ usage text. It has one source, univ-usage.txt (dev-stack/src/main/resources): the univ
 * script prints that file for ./univ help, and the Java entry points print it from the classpath,
 * so the two cannot drift apart.
 */
public final class UnivUsage {
    public static final String RESOURCE = "/univ-usage.txt";

    private UnivUsage() {
    }

    public static String text() {
        try (InputStream in = UnivUsage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the dev-stack jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the usage to stderr and exits with 2, as for an unknown command. */
    public static void failWithUsage() {
        System.err.print(text());
        System.exit(2);
    }
}
