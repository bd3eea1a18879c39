package io.univinsight.extraction.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.univinsight.extraction.ExtractionPipeline;

/**
 * {@code EvaluationMain DIR... [--json out.json] [--mistakes]}: runs the default pipeline over every
 * labelled page in the folders and prints precision, recall and F1 per field, real and written pages apart.
 */
public final class EvaluationMain {
    private EvaluationMain() {
    }

    public static void main(String[] args) throws IOException {
        List<Path> dirs = new ArrayList<>();
        Path json = null;
        boolean mistakes = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> {
                    if (i + 1 >= args.length) {
                        usage("--json needs a file");
                    }
                    json = Path.of(args[++i]);
                }
                case "--mistakes", "-v" -> mistakes = true;
                case "-h", "--help" -> usage(null);
                default -> dirs.add(Path.of(args[i]));
            }
        }
        if (dirs.isEmpty()) {
            usage("give at least one corpus folder");
        }
        List<Path> present = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                present.add(d);
            } else {
                System.err.println("eval: skipping " + d + " (no such folder)");
            }
        }
        EvaluationReport report = new Evaluation(ExtractionPipeline.defaults()).run(present);
        System.out.print(report.toTable(mistakes));
        if (json != null) {
            Files.writeString(json, report.toJson() + "\n", StandardCharsets.UTF_8);
            System.out.println("\nJSON report: " + json);
        }
    }

    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("eval: " + problem);
        }
        System.err.println("usage: EvaluationMain DIR... [--json out.json] [--mistakes]");
        System.exit(problem == null ? 0 : 2);
    }
}
