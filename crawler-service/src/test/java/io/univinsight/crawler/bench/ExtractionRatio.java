package io.univinsight.crawler.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ExtractionBench} fork by fork, the bare parse and parse + extraction of a page kind in adjacent pairs (which
 * goes first alternates), and prints each fork's score, the ratio of the medians, and the median of the pairs' ratios.
 * Why pairs: this machine's speed drifts by up to 1.6x within minutes (the same bare parse read 1,718-1,982 and
 * 2,781-2,884 pages/s per fork an hour apart on 2026-12-07), and JMH runs all forks of one benchmark before the next,
 * so a slow spell can fall on one side of the ratio only; a pair's two forks run back to back. Why several: the bare
 * parse also lands at one of two speeds per JVM (JIT decisions). Usage: ExtractionRatio [PAIRS=3]
 */
public final class ExtractionRatio {
    /**
     * A fork's last measured iteration this much above its first: still warming up, or the machine speeding up (noise
     * moves single iterations too: only a rise this large counts).
     */
    private static final double STILL_RISING = 1.15;
    private static final String PARSE = "parse";
    private static final String PARSE_AND_EXTRACT = "parseAndExtract";

    private ExtractionRatio() {
    }

    public static void main(String[] args) throws RunnerException, NoSuchFieldException {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        for (String kind : ExtractionBench.class.getField("kind").getAnnotation(Param.class).value()) {
            List<Double> parse = new ArrayList<>();
            List<Double> extract = new ArrayList<>();
            List<Double> pairRatios = new ArrayList<>();
            List<String> rising = new ArrayList<>();
            for (int pair = 0; pair < pairs; pair++) {
                boolean parseFirst = pair % 2 == 0;
                BenchmarkResult first = runOneFork(parseFirst ? PARSE : PARSE_AND_EXTRACT, kind);
                BenchmarkResult second = runOneFork(parseFirst ? PARSE_AND_EXTRACT : PARSE, kind);
                BenchmarkResult parseFork = parseFirst ? first : second;
                BenchmarkResult extractFork = parseFirst ? second : first;
                parse.add(parseFork.getPrimaryResult().getScore());
                extract.add(extractFork.getPrimaryResult().getScore());
                pairRatios.add(parseFork.getPrimaryResult().getScore() / extractFork.getPrimaryResult().getScore());
                addIfStillRising(PARSE, parseFork, rising);
                addIfStillRising(PARSE_AND_EXTRACT, extractFork, rising);
            }
            System.out.printf("%s: parse %s pages/s per fork, parse+extract %s -> extraction costs %.2fx the bare parse"
                            + " (medians %.0f vs %.0f pages/s per core); per pair of adjacent forks %s, median %.2fx%n", kind,
                    format(parse, "%.0f"), format(extract, "%.0f"), median(parse) / median(extract), median(parse), median(extract),
                    format(pairRatios, "%.2fx"), median(pairRatios));
            if (!rising.isEmpty()) {
                System.out.printf("  %s: fork(s) still rising while measured, first to last iteration in pages/s, %s: warming up, or the"
                        + " machine speeding up%n", kind, rising);
            }
        }
    }

    /** One fork of one benchmark method for one page kind. */
    private static BenchmarkResult runOneFork(String method, String kind) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(ExtractionBench.class.getName() + "\\." + method + "$")
                .param("kind", kind)
                .forks(1)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        return results.iterator().next().getBenchmarkResults().iterator().next();
    }

    /** Notes the fork as "method first-last" when its last measured iteration beat its first by more than {@link #STILL_RISING}. */
    private static void addIfStillRising(String method, BenchmarkResult fork, List<String> rising) {
        List<IterationResult> iterations = new ArrayList<>(fork.getIterationResults());
        double first = iterations.get(0).getPrimaryResult().getScore();
        double last = iterations.get(iterations.size() - 1).getPrimaryResult().getScore();
        if (last > first * STILL_RISING) {
            rising.add(String.format("%s %.0f-%.0f", method, first, last));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The values in run order, as "[a, b, c]". */
    private static String format(List<Double> values, String each) {
        return values.stream().map(v -> String.format(each, v)).collect(Collectors.joining(", ", "[", "]"));
    }
}
