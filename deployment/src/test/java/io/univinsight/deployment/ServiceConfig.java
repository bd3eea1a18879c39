package io.univinsight.deployment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service (a Maven module named like its Deployment) reads from its environment, derived
 * from its sources. The rule, kept simple on purpose: Quarkus maps an environment variable FOO_BAR
 * onto the property foo.bar (uppercase, every non-alphanumeric character as _), so a variable is
 * read when it is the environment form of
 * <ol>
 * <li>a key of src/main/resources/application.properties (profile prefix %prod. etc. removed),</li>
 * <li>a property of a {@code @ConfigMapping(prefix = ...)} interface, nested groups expanded
 * (camelCase methods become kebab-case segments),</li>
 * <li>a {@code @ConfigProperty(name = ...)} or a {@code ${...}} expression in the Java sources,</li>
 * <li>or a well-known runtime key of Quarkus itself or of the image's launcher ({@link #WELL_KNOWN}).</li>
 * </ol>
 */
public final class ServiceConfig {
    /** Read although no source of the service names them. */
    public static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("JAVA_OPTS", "run-java.sh of the ubi9 openjdk image (JVM options)"),
            Map.entry("JAVA_OPTS_APPEND", "run-java.sh of the ubi9 openjdk image"),
            Map.entry("JAVA_MAX_MEM_RATIO", "run-java.sh of the ubi9 openjdk image: heap share of the container memory"),
            Map.entry("JAVA_INITIAL_MEM_RATIO", "run-java.sh of the ubi9 openjdk image: initial heap share"),
            Map.entry("QUARKUS_PROFILE", "Quarkus: the active profile"),
            Map.entry("QUARKUS_SHUTDOWN_TIMEOUT", "Quarkus: graceful shutdown of in-flight requests"),
            Map.entry("QUARKUS_LOG_LEVEL", "Quarkus: root log level"),
            Map.entry("QUARKUS_HTTP_HOST", "Quarkus HTTP: the listening address"),
            Map.entry("QUARKUS_HTTP_PORT", "Quarkus HTTP: the listening port"),
            Map.entry("KAFKA_BOOTSTRAP_SERVERS", "Quarkus Kafka: default bootstrap servers of every client and channel"),
            Map.entry("QUARKUS_DEVSERVICES_ENABLED", "Quarkus: dev services switch (dev/test launch modes)"),
            Map.entry("QUARKUS_KAFKA_DEVSERVICES_ENABLED", "Quarkus: Kafka dev services switch (dev/test launch modes)"));

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)(?::[^}]*)?}");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)");
    private static final Pattern METHOD = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*([\\w.<>,?\\[\\] ]+?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"\\s*\\)");

    public final String module;
    public final Path dir;
    /** application.properties without profile prefixes (a profiled value wins over a plain one). */
    public final Map<String, String> properties;
    /** Environment name to where it comes from. */
    public final Map<String, String> envNames;

    private ServiceConfig(String module, Path dir, Map<String, String> properties, Map<String, String> envNames) {
        this.module = module;
        this.dir = dir;
        this.properties = properties;
        this.envNames = envNames;
    }

    public static boolean exists(String module) {
        return Files.isRegularFile(ProjectRoot.get().resolve(module).resolve("src/main/resources/application.properties"));
    }

    /** The environment variables a service module reads: the rule above, as a set. */
    public static Set<String> allowedEnv(String module) {
        return new TreeSet<>(of(module).envNames.keySet());
    }

    public static ServiceConfig of(String module) {
        Path dir = ProjectRoot.get().resolve(module);
        Map<String, String> env = new TreeMap<>();
        Map<String, String> props = new LinkedHashMap<>();
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            raw.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String key : new TreeSet<>(raw.stringPropertyNames())) {
            String plain = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (!key.startsWith("%") || key.startsWith("%prod.")) {
                props.merge(plain, raw.getProperty(key), (a, b) -> key.startsWith("%prod.") ? b : a);
            }
            env.putIfAbsent(envName(plain), "application.properties " + key);
        }
        for (String source : javaSources(dir)) {
            Matcher mapping = CONFIG_MAPPING.matcher(source);
            if (mapping.find()) {
                for (String key : configMappingKeys(mapping.group(1), source)) {
                    env.putIfAbsent(envName(key), "@ConfigMapping " + key);
                }
            }
            for (Pattern p : List.of(CONFIG_PROPERTY, EXPRESSION)) {
                Matcher m = p.matcher(source);
                while (m.find()) {
                    env.putIfAbsent(envName(m.group(1)), "Java source " + m.group(1));
                }
            }
        }
        WELL_KNOWN.forEach(env::putIfAbsent);
        return new ServiceConfig(module, dir, props, env);
    }

    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public int httpPort() {
        return Integer.parseInt(properties.getOrDefault("quarkus.http.port", "8080"));
    }

    /** The -D flags the module's Dockerfile puts in JAVA_OPTS_APPEND (empty when there is no such Dockerfile). */
    public List<String> dockerfileJavaOptsAppend() {
        Path dockerfile = dir.resolve("src/main/docker/Dockerfile.jvm");
        List<String> flags = new ArrayList<>();
        if (Files.isRegularFile(dockerfile)) {
            try {
                Matcher m = Pattern.compile("ENV\\s+JAVA_OPTS_APPEND=\"([^\"]*)\"").matcher(Files.readString(dockerfile));
                while (m.find()) {
                    for (String flag : m.group(1).trim().split("\\s+")) {
                        if (flag.startsWith("-D")) {
                            flags.add(flag);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return flags;
    }

    private static List<String> javaSources(Path module) {
        Path src = module.resolve("src/main/java");
        if (!Files.isDirectory(src)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(src)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The leaf properties of a @ConfigMapping interface: each no-argument method is a property; a
     * method returning a nested interface of the same file (optionally in Optional) is a group.
     */
    public static Set<String> configMappingKeys(String prefix, String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        Map<String, List<String[]>> methods = new LinkedHashMap<>();
        Deque<String> scopes = new ArrayDeque<>();
        String pendingInterface = null;
        String pendingName = null;
        String root = null;
        for (String line : code.split("\\n")) {
            Matcher name = WITH_NAME.matcher(line);
            if (name.find()) {
                pendingName = name.group(1);
            }
            Matcher iface = INTERFACE.matcher(line);
            if (iface.find()) {
                pendingInterface = iface.group(1);
                methods.putIfAbsent(pendingInterface, new ArrayList<>());
                if (root == null) {
                    root = pendingInterface;
                }
            }
            Matcher method = METHOD.matcher(line);
            if (method.find() && !scopes.isEmpty() && methods.containsKey(scopes.peek())) {
                String key = pendingName != null ? pendingName : kebab(method.group(2));
                methods.get(scopes.peek()).add(new String[] {method.group(1).trim(), key});
                pendingName = null;
            }
            for (char c : line.toCharArray()) {
                if (c == '{') {
                    scopes.push(pendingInterface != null ? pendingInterface : "");
                    pendingInterface = null;
                } else if (c == '}' && !scopes.isEmpty()) {
                    scopes.pop();
                }
            }
        }
        Set<String> keys = new TreeSet<>();
        if (root != null) {
            expand(methods, root, prefix, keys);
        }
        return keys;
    }

    private static void expand(Map<String, List<String[]>> methods, String iface, String path, Set<String> keys) {
        for (String[] method : methods.getOrDefault(iface, List.of())) {
            String type = method[0].replaceAll("^Optional<(.*)>$", "$1").trim();
            String key = path + "." + method[1];
            if (methods.containsKey(type)) {
                expand(methods, type, key, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
