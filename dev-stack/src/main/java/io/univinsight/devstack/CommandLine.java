package io.univinsight.devstack;

import java.util.HashMap;
import java.util.Map;

/** The ./univ argument conventions shared by the launcher and the operations tools: COMMAND [POSITIONAL] [--name value | --flag]. */
public final class CommandLine {
    private CommandLine() {
    }

    /** Options after the command: "--name value" pairs, and "--flag" alone as "true" (--dry-run, --once). */
    public static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                opts.put(args[i].substring(2), args[++i]);
            } else if (args[i].startsWith("--")) {
                opts.put(args[i].substring(2), "true");
            }
        }
        return opts;
    }

    /** The argument at index, which must not be an option; name says what is missing. */
    public static String positional(String[] args, int index, String name) {
        if (args.length <= index || args[index].startsWith("--")) {
            throw new IllegalArgumentException(args[0] + " needs " + name);
        }
        return args[index];
    }

    public static Integer intOrNull(String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
