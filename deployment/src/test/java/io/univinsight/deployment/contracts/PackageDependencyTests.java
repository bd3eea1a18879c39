package io.univinsight.deployment.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Dependencies run one way: no two packages of the project (within a module or across modules)
 * import each other, so each package can be read, and changed, knowing only what it imports.
 */
class PackageDependencyTests {
    private static final Pattern PACKAGE = Pattern.compile("^package (io\\.univinsight[\\w.]*);", Pattern.MULTILINE);
    /** Comments, text blocks and string literals: a class named there (to be loaded by name, say) is no import. */
    private static final Pattern NOT_CODE = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"");
    /** An import, or a fully qualified name in code, of a project class: the package is what precedes the class name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.univinsight(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    static Map<String, Set<String>> packageDependencies(List<String> sources) {
        Map<String, Set<String>> deps = new TreeMap<>();
        for (String raw : sources) {
            String source = NOT_CODE.matcher(raw).replaceAll(" ");
            Matcher pkg = PACKAGE.matcher(source);
            if (!pkg.find()) {
                continue;
            }
            String from = pkg.group(1);
            Set<String> to = deps.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher ref = REFERENCE.matcher(source.substring(pkg.end()));
            while (ref.find()) {
                if (!ref.group(1).equals(from)) {
                    to.add(ref.group(1));
                }
            }
        }
        return deps;
    }

    static List<String> twoWay(Map<String, Set<String>> deps) {
        List<String> pairs = new ArrayList<>();
        deps.forEach((a, targets) -> targets.forEach(b -> {
            if (a.compareTo(b) < 0 && deps.getOrDefault(b, Set.of()).contains(a)) {
                pairs.add(a + " <-> " + b);
            }
        }));
        return pairs;
    }

    @Test
    void noTwoPackagesImportEachOther() throws IOException {
        List<String> sources = new ArrayList<>();
        for (Path f : ModuleSources.javaFiles("src/main/java")) {
            sources.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        Map<String, Set<String>> deps = packageDependencies(sources);
        assertTrue(deps.size() > 30, "the project's packages were read: " + deps.keySet());
        List<String> cycles = twoWay(deps);
        assertTrue(cycles.isEmpty(), "packages importing each other:\n" + String.join("\n", cycles));
    }

    @Test
    void theCheckSeesImportsAndQualifiedNames() {
        Map<String, Set<String>> deps = packageDependencies(List.of(
                "package io.univinsight.a;\nimport io.univinsight.b.B;\nclass A {}",
                "package io.univinsight.b;\nclass B { io.univinsight.a.A a; }",
                "package io.univinsight.c;\n/** io.univinsight.a.A */ class C { String n = \"io.univinsight.a.A\"; }",
                "package io.univinsight.a;\nimport io.univinsight.c.C;\nclass A2 {}"));
        assertEquals(List.of("io.univinsight.a <-> io.univinsight.b"), twoWay(deps));
    }
}
