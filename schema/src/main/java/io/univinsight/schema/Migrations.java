package io.univinsight.schema;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * This module's Flyway migrations as plain SQL in version order, read from the classpath: for a
 * test or benchmark database that needs the tables without running Flyway (its PostgreSQL plugin
 * lives only in the Quarkus app). persistence-service itself applies them with Flyway.
 */
public final class Migrations {
    /** Where Flyway finds them (classpath:db/migration). */
    public static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    private Migrations() {
    }

    /** The SQL of every V*__*.sql migration, lowest version first. */
    public static List<String> scripts() {
        URL folder = Migrations.class.getClassLoader().getResource(LOCATION);
        if (folder == null) {
            throw new IllegalStateException(LOCATION + " is not on the classpath (is the schema module a dependency?)");
        }
        try {
            URI uri = folder.toURI();
            // A folder when run from an IDE, a jar in a Maven reactor build.
            try (FileSystem jar = "jar".equals(uri.getScheme()) ? FileSystems.newFileSystem(uri, Map.of()) : null;
                 Stream<Path> files = Files.list(Path.of(uri))) {
                List<Path> ordered = files.filter(f -> VERSIONED.matcher(f.getFileName().toString()).matches())
                        .sorted(Comparator.comparingInt(Migrations::version)).toList();
                return ordered.stream().map(Migrations::read).toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the migrations in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static int version(Path file) {
        Matcher m = VERSIONED.matcher(file.getFileName().toString());
        m.matches();
        return Integer.parseInt(m.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
