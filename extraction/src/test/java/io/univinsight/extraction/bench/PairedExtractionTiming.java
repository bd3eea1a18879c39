package io.univinsight.extraction.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds' extraction in one JVM, one class loader each, timed in alternating short slices on the same pre-parsed
 * benchmark pages: the machine's drift (neighbours, frequency) then hits both builds alike, and the median of the
 * per-slice ratios says how the second build compares with the first. Separate runs of {@link ExtractionTiming} on a
 * shared machine differ by more than the changes being compared.
 *
 * <p>Usage: {@code PairedExtractionTiming kind slices slice-ms classpath-A classpath-B}, kind one of directory, profile,
 * written-email; each class path holds a build's extraction classes, its test classes (for {@link BenchPages}) and
 * their dependencies. Run it with the same classes as A and B first: the ratio it prints then is the harness's own bias.
 */
public final class PairedExtractionTiming {
    private static final com.sun.management.ThreadMXBean CPU =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String URL = "https://bench.example.edu/cs/faculty/";
    private static final int WARM_UP_SLICES = 20;

    /** One build: its pipeline, and the benchmark pages parsed by its own jsoup, reached by reflection. */
    private static final class Build {
        private final Object pipeline;
        private final Object context;
        private final Method extract;
        private final List<Object> docs = new ArrayList<>();

        Build(String classPath, List<String> pages) throws ReflectiveOperationException, MalformedURLException {
            List<URL> urls = new ArrayList<>();
            for (String entry : classPath.split(":")) {
                if (!entry.isEmpty()) {
                    urls.add(Path.of(entry).toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
            Class<?> pipelineClass = loader.loadClass("io.univinsight.extraction.ExtractionPipeline");
            Class<?> contextClass = loader.loadClass("io.univinsight.extraction.PageContext");
            pipeline = pipelineClass.getMethod("defaults").invoke(null);
            context = contextClass.getConstructor(String.class, String.class, String.class)
                    .newInstance(URL, "Bench University", "Computer Science");
            extract = pipelineClass.getMethod("extract", loader.loadClass("org.jsoup.nodes.Document"), contextClass);
            Method parse = loader.loadClass("org.jsoup.Jsoup").getMethod("parse", String.class, String.class);
            for (String html : pages) {
                docs.add(parse.invoke(null, html, URL)); // each build's own jsoup
            }
        }

        /** Extracts page after page for about {@code millis}; CPU ms per page. */
        double slice(long millis) throws ReflectiveOperationException {
            long end = System.nanoTime() + millis * 1_000_000L;
            long start = CPU.getCurrentThreadCpuTime();
            int n = 0;
            Object sink = null;
            while (System.nanoTime() < end) {
                sink = extract.invoke(pipeline, docs.get(n % docs.size()), context);
                n++;
            }
            if (sink == null) {
                throw new IllegalStateException("no page extracted");
            }
            return (CPU.getCurrentThreadCpuTime() - start) / 1e6 / n;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: PairedExtractionTiming kind slices slice-ms classpath-A classpath-B");
            System.exit(2);
        }
        String kind = args[0];
        int slices = Integer.parseInt(args[1]);
        long millis = Long.parseLong(args[2]);
        List<String> pages = BenchPages.extractionBenchPages(kind); // the same pages for both builds
        Build a = new Build(args[3], pages);
        Build b = new Build(args[4], pages);
        for (int i = 0; i < WARM_UP_SLICES; i++) {
            a.slice(millis);
            b.slice(millis);
        }
        double[] timesA = new double[slices];
        double[] timesB = new double[slices];
        double[] ratios = new double[slices];
        for (int i = 0; i < slices; i++) {
            if (i % 2 == 0) { // each build goes first half the time
                timesA[i] = a.slice(millis);
                timesB[i] = b.slice(millis);
            } else {
                timesB[i] = b.slice(millis);
                timesA[i] = a.slice(millis);
            }
            ratios[i] = timesB[i] / timesA[i];
        }
        System.out.printf("%s, extraction alone (pages parsed beforehand), %d slices of %d ms: A median %.3f ms CPU/page (least %.3f),"
                        + " B median %.3f (least %.3f); B/A per slice: median %.3f, quartiles %.3f-%.3f%n",
                kind, slices, millis, quantile(timesA, 0.5), quantile(timesA, 0), quantile(timesB, 0.5), quantile(timesB, 0),
                quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75));
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }
}
