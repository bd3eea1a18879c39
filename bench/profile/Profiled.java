import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import one.profiler.AsyncProfiler;

/**
 * Runs a benchmark's main class under async-profiler (CPU samples), then writes an HTML flame graph and the folded
 * stacks, and prints the methods most on CPU by own time on the benchmark's thread. Launched as a single source file
 * by bench/profile/run.sh, with async-profiler's Java API and the benchmark on the class path.
 * Usage: java -Dprofiler.lib=LIB Profiled.java OUT-PREFIX INTERVAL MAIN-CLASS [ARGS...]
 */
public final class Profiled {
    private static final int TOP = 20;

    private Profiled() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String interval = args[1];
        Method target = Class.forName(args[2]).getMethod("main", String[].class);
        String[] targetArgs = java.util.Arrays.copyOfRange(args, 3, args.length);
        AsyncProfiler profiler = AsyncProfiler.getInstance(System.getProperty("profiler.lib"));
        // cpu: perf_events where the kernel allows them, else async-profiler falls back to a CPU timer by itself.
        profiler.execute("start,event=cpu,interval=" + interval);
        target.invoke(null, (Object) targetArgs);
        profiler.execute("stop");
        // Only the stacks of the thread that ran the benchmark (they pass through this main): not the JIT or the GC.
        String ownThread = "include=*Profiled.main*";
        profiler.execute("flamegraph," + ownThread + ",file=" + out + ".html");
        Path folded = Path.of(out + ".collapsed");
        profiler.execute("collapsed," + ownThread + ",file=" + folded);
        printTop(folded);
        System.out.println("flame graph: " + out + ".html; folded stacks (one line per stack, sample count last): " + folded);
    }

    /** The methods on top of the most samples in the folded stacks, as a share of all of them. */
    private static void printTop(Path folded) throws Exception {
        Map<String, Long> own = new HashMap<>();
        long total = 0;
        for (String line : Files.readAllLines(folded)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            String top = line.substring(line.lastIndexOf(';', space) + 1, space);
            own.merge(top, samples, Long::sum);
            total += samples;
        }
        long all = total;
        System.out.printf("== methods most on CPU by own time, %d samples of the benchmark's thread (warm-up and harness included) ==%n", all);
        own.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP)
                .forEach(e -> System.out.printf("%6.2f%%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
    }
}
