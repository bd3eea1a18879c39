package io.univinsight.extraction.bench;

import java.util.List;
import java.util.function.IntFunction;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.PageContext;

/**
 * Quick timing for iteration (not a JMH replacement): the crawler benchmark's generated pages, parse
 * alone vs parse + extraction, one thread, and extraction alone on pages parsed beforehand (the figure to compare two
 * builds by: run each build's classes with this harness, alternately). Usage: ExtractionTiming [seconds-per-measure [directory|profile|written-email [per-extractor]]]
 */
public final class ExtractionTiming {
    private static final String URL = "https://bench.example.edu/cs/faculty/";
    private static final com.sun.management.ThreadMXBean CPU =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int EXTRACTION_ROUNDS = 5;
    /** Bytes allocated per page by the last measure: steadier than time on a shared machine. */
    private static double allocated;

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        ExtractionPipeline pipeline = ExtractionPipeline.defaults();
        PageContext ctx = new PageContext(URL, "Bench University", "Computer Science");
        String[] kinds = args.length > 1 ? new String[] {args[1]} : new String[] {"directory", "profile", "written-email"};
        for (String kind : kinds) {
            List<String> pages = BenchPages.extractionBenchPages(kind);
            for (int round = 0; round < 2; round++) { // first round is warm-up
                double parse = measure(pages, seconds, false, pipeline, ctx);
                double parseBytes = allocated;
                double extract = measure(pages, seconds, true, pipeline, ctx);
                if (round == 1) {
                    System.out.printf("%s: parse %.3f ms CPU/page, parse+extract %.3f ms CPU/page -> %.2fx; allocated %.0f KB/page, %.0f KB"
                            + " by extraction%n", kind, parse, extract, extract / parse, allocated / 1024, (allocated - parseBytes) / 1024);
                    System.out.printf("  extraction alone (pages parsed beforehand): %.3f ms CPU/page, the best of %d rounds of %.1f s%n",
                            extractionAlone(pages, seconds, pipeline, ctx), EXTRACTION_ROUNDS, seconds / 2);
                    if (args.length > 2) { // per extractor: the parse+extract cost minus the parse
                        for (String name : pipeline.extractorNames()) {
                            double one = measure(pages, seconds, true, ExtractionPipeline.of(List.of(name)), ctx);
                            System.out.printf("  %-13s %.3f ms CPU/page%n", name, one - parse);
                        }
                    }
                }
            }
        }
    }

    /**
     * Extraction's own CPU time per page, without the parse: the least of several short rounds, the figure that
     * varies least from run to run on a shared machine (the others take whatever the neighbours leave).
     */
    private static double extractionAlone(List<String> pages, double seconds, ExtractionPipeline p, PageContext ctx) {
        List<Document> docs = pages.stream().map(html -> Jsoup.parse(html, URL)).toList();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < EXTRACTION_ROUNDS; round++) {
            best = Math.min(best, cpuMsPerPage(seconds / 2, n -> p.extract(docs.get(n % docs.size()), ctx)));
        }
        return best;
    }

    private static double measure(List<String> pages, double seconds, boolean extract, ExtractionPipeline p, PageContext ctx) {
        return cpuMsPerPage(seconds, n -> {
            Document d = Jsoup.parse(pages.get(n % pages.size()), URL);
            return extract ? p.extract(d, ctx) : d;
        });
    }

    /** Runs page number n, n = 0, 1, ..., for about {@code seconds}; CPU ms per page, and {@link #allocated} per page. */
    private static double cpuMsPerPage(double seconds, IntFunction<Object> page) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = CPU.getCurrentThreadCpuTime(); // CPU time: the machine is shared, wall time is noisy
        long bytes = CPU.getCurrentThreadAllocatedBytes();
        int n = 0;
        Object sink = null;
        while (System.nanoTime() < end) {
            sink = page.apply(n);
            n++;
        }
        if (sink == null) {
            throw new IllegalStateException();
        }
        allocated = (double) (CPU.getCurrentThreadAllocatedBytes() - bytes) / n;
        return (CPU.getCurrentThreadCpuTime() - start) / 1e6 / n;
    }
}
