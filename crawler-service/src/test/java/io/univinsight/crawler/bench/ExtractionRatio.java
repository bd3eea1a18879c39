package io.univinsight.crawler.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ExtractionBench} in several forks and prints each fork's score, then the extraction ratio from the
 * medians. Why forks: the bare parse lands in one of two speeds per JVM, about 2x apart (JIT decisions, seen
 * on this machine with the same pages and code), so one fork's ratio can be off by that much; the per-fork figures
 * show which speed each JVM got. Usage: ExtractionRatio [FORKS]
 */
public final class ExtractionRatio {
    private ExtractionRatio() {
    }

    public static void main(String[] args) throws RunnerException {
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Options options = new OptionsBuilder()
                .include(ExtractionBench.class.getName() + "\\.")
                .forks(forks)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        // The page kinds as the results name them, in run order: no second copy of ExtractionBench's @Param list.
        Set<String> kinds = new LinkedHashSet<>();
        results.forEach(run -> kinds.add(run.getParams().getParam("kind")));
        for (String kind : kinds) {
            List<Double> parse = perFork(results, "parse", kind);
            List<Double> extract = perFork(results, "parseAndExtract", kind);
            if (parse.isEmpty() || extract.isEmpty()) {
                continue;
            }
            System.out.printf("%s: parse %s pages/s per fork, parse+extract %s -> extraction costs %.2fx the bare parse"
                            + " (medians %.0f vs %.0f pages/s per core)%n", kind, format(parse), format(extract),
                    median(parse) / median(extract), median(parse), median(extract));
        }
    }

    /** One score per fork (JMH keeps a BenchmarkResult per fork) for the benchmark method and page kind. */
    private static List<Double> perFork(Collection<RunResult> results, String method, String kind) {
        List<Double> scores = new ArrayList<>();
        for (RunResult run : results) {
            String label = run.getParams().getBenchmark();
            if (label.endsWith("." + method) && kind.equals(run.getParams().getParam("kind"))) {
                for (BenchmarkResult fork : run.getBenchmarkResults()) {
                    scores.add(fork.getPrimaryResult().getScore());
                }
            }
        }
        scores.sort(Double::compare);
        return scores;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> scores) {
        return scores.stream().map(s -> String.format("%.0f", s)).collect(Collectors.joining(", ", "[", "]"));
    }
}
