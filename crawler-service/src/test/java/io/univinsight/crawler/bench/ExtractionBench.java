package io.univinsight.crawler.bench;

import io.univinsight.extraction.bench.BenchPages;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.PageContext;

/**
 * Extraction cost next to Jsoup's bare parse of the same generated faculty pages, one thread (pages/s per core):
 * themed 30-80 KB directory and profile pages, and bare ~30 KB personal pages with the address written out
 * ({@link BenchPages#writtenEmailProfile}). "parseAndExtract" is what the crawler does per page; its ratio to
 * "parse" is the extraction overhead.
 * <p>
 * Warm-up, 20 s: on 2 cores the JIT takes that long with parse + extraction's code (the bare parse settles within 2 s).
 * With 6 s (2026-12-07), parseAndExtract's measured iterations still rose by up to 1.7x from the first to the last
 * (written-email 912 to 1,453 pages/s in one fork), so the forks' scores, and the ratio, measured how far the JIT had got.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class ExtractionBench {
    private static final String URL = "https://bench.example.edu/cs/faculty/";

    @Param({"directory", "profile", "written-email"})
    public String kind;

    private final List<String> pages = new ArrayList<>();
    private final ExtractionPipeline pipeline = ExtractionPipeline.defaults();
    private final PageContext context = new PageContext(URL, "Bench University", "Computer Science");
    private int next;

    @Setup
    public void generate() {
        pages.addAll(BenchPages.extractionBenchPages(kind));
    }

    private String nextPage() {
        next = (next + 1) % pages.size();
        return pages.get(next);
    }

    @Benchmark
    public Document parse() {
        return Jsoup.parse(nextPage(), URL);
    }

    @Benchmark
    public ExtractionResult parseAndExtract() {
        Document doc = Jsoup.parse(nextPage(), URL);
        return pipeline.extract(doc, context);
    }

    /** Sizes of the generated pages, printed by the run script. */
    public static void main(String[] args) throws NoSuchFieldException {
        ExtractionBench b = new ExtractionBench();
        for (String k : ExtractionBench.class.getField("kind").getAnnotation(Param.class).value()) { // the kinds JMH runs
            b.kind = k;
            b.pages.clear();
            b.generate();
            int min = b.pages.stream().mapToInt(p -> p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).min().orElse(0);
            int max = b.pages.stream().mapToInt(p -> p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).max().orElse(0);
            ExtractionResult r = b.pipeline.extract(b.pages.get(1), b.context);
            System.out.printf("%s pages: %d-%d KB; extraction of one finds %d professors, %d papers%n", k, min / 1024, max / 1024,
                    r.professors().size(), r.papers().size());
        }
    }
}
