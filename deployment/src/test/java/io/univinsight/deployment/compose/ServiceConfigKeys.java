package io.univinsight.deployment.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a service module reads, derived from its code, so that a compose or
 * Kubernetes file cannot set a key nothing reads (a typo, or a setting of another service).
 *
 * <p>The rule. SmallRye Config (Quarkus) reads an environment variable FOO_BAR_BAZ as the property
 * whose name, with every character other than a letter or digit replaced by '_' and upper-cased,
 * is FOO_BAR_BAZ (so KAFKA_STREAMS_STATE_DIR is kafka-streams.state.dir). A service reads:
 * <ol>
 * <li>every key of its application.properties, unprofiled or %prod. (the profile of a container;
 * %dev. and %test. keys are not read there), the profile prefix removed;</li>
 * <li>every leaf property of its {@code @ConfigMapping(prefix = ...)} interfaces: prefix + the
 * method names in kebab-case (or {@code @WithName}), nested interfaces adding their method name
 * as a segment, e.g. crawler.politeness.max-connections-per-host;</li>
 * <li>every {@code @ConfigProperty(name = ...)} and every {@code ${property}} expression (as in
 * {@code @Scheduled(every = "${monitor.metrics.refresh-interval:2s}")}) in its main sources;</li>
 * <li>the short list {@link #PLATFORM_WIDE} of keys read by Quarkus or the image itself whatever the
 * service, each with the reason.</li>
 * </ol>
 */
final class ServiceConfigKeys {
    /** Read by every service although no file of it names them. */
    static final Map<String, String> PLATFORM_WIDE = Map.of(
            "QUARKUS_KAFKA_DEVSERVICES_ENABLED", "Quarkus Kafka extension: no Kafka container in a deployed stack",
            "QUARKUS_DEVSERVICES_ENABLED", "Quarkus: all Dev Services off",
            "QUARKUS_HTTP_PORT", "Quarkus HTTP: the listening port (set in every application.properties too)",
            "QUARKUS_HTTP_HOST", "Quarkus HTTP: the listening address",
            "QUARKUS_LOG_LEVEL", "Quarkus logging: the root level",
            "KAFKA_BOOTSTRAP_SERVERS", "Quarkus Kafka: default bootstrap servers of every client and channel",
            "JAVA_OPTS_APPEND", "ubi9 openjdk image: run-java.sh appends it to the JVM options",
            "JAVA_MAX_MEM_RATIO", "ubi9 openjdk image: run-java.sh heap share of the container memory",
            "JAVA_INITIAL_MEM_RATIO", "ubi9 openjdk image: run-java.sh initial heap share");

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)(?::[^}]*)?}");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"S(\\d+)\"\\s*\\)");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^()]*\\))?\\s*)*)([\\w.]+(?:\\s*<[\\w.<>, ?]*>)?(?:\\[\\])?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");

    private ServiceConfigKeys() {
    }

    /** The environment variable name SmallRye Config maps to a property. */
    static String envName(String property) {
        StringBuilder b = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            b.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return b.toString();
    }

    /** The environment variables a service module reads (see the class comment for the rule). */
    static Set<String> allowedEnv(String module) {
        Set<String> env = new TreeSet<>(PLATFORM_WIDE.keySet());
        for (String property : readProperties(module)) {
            env.add(envName(property));
        }
        return env;
    }

    /** The property names a service module reads, PLATFORM_WIDE excepted. */
    static Set<String> readProperties(String module) {
        Set<String> props = new TreeSet<>();
        for (String key : Repo.quarkusProperties(module).stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                props.add(key.substring("%prod.".length()));
            } else if (!key.startsWith("%")) {
                props.add(key);
            }
        }
        for (Path source : mainSources(module)) {
            String code = Repo.read(source);
            Matcher cp = CONFIG_PROPERTY.matcher(code);
            while (cp.find()) {
                props.add(cp.group(1));
            }
            Matcher ex = EXPRESSION.matcher(code);
            while (ex.find()) {
                props.add(ex.group(1));
            }
            Matcher cm = CONFIG_MAPPING.matcher(code);
            if (cm.find()) {
                List<String> leaves = mappingLeaves(code, cm.group(1));
                if (leaves.isEmpty()) {
                    throw new IllegalStateException("found no properties in the @ConfigMapping of " + source);
                }
                props.addAll(leaves);
            }
        }
        return props;
    }

    /** The leaf property names of the @ConfigMapping interface in this source. */
    static List<String> mappingLeaves(String code, String prefix) {
        List<String> strings = new ArrayList<>();
        String text = stripCommentsAndStrings(code, strings);
        Matcher mapping = CONFIG_MAPPING.matcher(text);
        if (!mapping.find()) {
            throw new IllegalStateException("no @ConfigMapping(prefix = \"" + prefix + "\")");
        }
        // the mapped interface is the first one declared after the annotation
        Matcher top = INTERFACE.matcher(text);
        if (!top.find(mapping.end())) {
            throw new IllegalStateException("no interface after @ConfigMapping(prefix = \"" + prefix + "\")");
        }
        Block root = block(text, top.end() - 1, top.group(1));
        List<String> leaves = new ArrayList<>();
        collectLeaves(root, prefix, strings, leaves, new HashMap<>());
        return leaves;
    }

    private record Block(String name, String body, List<Block> nested) {
    }

    /** The interface whose '{' is at open: its direct body (nested interfaces removed) and its nested interfaces. */
    private static Block block(String text, int open, String name) {
        int close = matchingBrace(text, open);
        String inner = text.substring(open + 1, close);
        List<Block> nested = new ArrayList<>();
        StringBuilder direct = new StringBuilder();
        int from = 0;
        Matcher m = INTERFACE.matcher(inner);
        while (m.find(from)) {
            int nestedOpen = m.end() - 1;
            int nestedClose = matchingBrace(inner, nestedOpen);
            direct.append(inner, from, m.start());
            nested.add(block(inner, nestedOpen, m.group(1)));
            from = nestedClose + 1;
        }
        direct.append(inner.substring(from));
        return new Block(name, direct.toString(), nested);
    }

    private static void collectLeaves(Block block, String prefix, List<String> strings, List<String> leaves,
            Map<String, Block> visible) {
        Map<String, Block> scope = new HashMap<>(visible);
        block.nested().forEach(b -> scope.put(b.name(), b));
        Matcher m = METHOD.matcher(block.body());
        while (m.find()) {
            String annotations = m.group(1);
            String type = m.group(2).replaceAll("\\s", "");
            String method = m.group(3);
            Matcher withName = WITH_NAME.matcher(annotations);
            String segment = withName.find() ? strings.get(Integer.parseInt(withName.group(1))) : kebab(method);
            String name = prefix + "." + segment;
            Block nested = scope.get(type.replaceAll("^Optional<(.*)>$", "$1"));
            if (nested != null) {
                collectLeaves(nested, name, strings, leaves, scope);
            } else if (type.startsWith("Map<")) {
                leaves.add(name + ".*");
            } else {
                leaves.add(name);
            }
        }
    }

    /** maxConnectionsPerHost to max-connections-per-host (SmallRye's default naming strategy). */
    static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    /**
     * The code without comments, every string literal replaced by "S&lt;n&gt;" (the literals kept in
     * order in strings), in one pass so that a "//" inside a string or a quote inside a comment
     * is read for what it is.
     */
    static String stripCommentsAndStrings(String code, List<String> strings) {
        StringBuilder b = new StringBuilder(code.length());
        int n = code.length();
        int i = 0;
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int nl = code.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                b.append(' ');
            } else if (c == '"' || c == '\'') {
                boolean block = c == '"' && code.startsWith("\"\"\"", i);
                int j = i + (block ? 3 : 1);
                StringBuilder literal = new StringBuilder();
                while (j < n) {
                    char d = code.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        literal.append(code.charAt(j + 1));
                        j += 2;
                    } else if (block ? code.startsWith("\"\"\"", j) : d == c) {
                        j += block ? 3 : 1;
                        break;
                    } else {
                        literal.append(d);
                        j++;
                    }
                }
                if (c == '"') {
                    b.append("\"S").append(strings.size()).append('"');
                    strings.add(literal.toString());
                } else {
                    b.append("'c'");
                }
                i = j;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    private static List<Path> mainSources(String module) {
        Path dir = Repo.path(module + "/src/main/java");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
