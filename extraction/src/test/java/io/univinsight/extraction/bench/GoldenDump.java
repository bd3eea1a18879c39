package io.univinsight.extraction.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.PageContext;

/** Writes every record extracted from the given folders' HTML pages (and the bench pages) to a file, for before/after diffs. */
public final class GoldenDump {
    public static void main(String[] args) throws IOException {
        ExtractionPipeline pipeline = ExtractionPipeline.defaults();
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
            for (int i = 1; i < args.length; i++) {
                List<Path> pages;
                try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
                    pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
                }
                for (Path page : pages) {
                    String html = Files.readString(page, StandardCharsets.UTF_8);
                    dump(out, page.toString(), pipeline.extract(html, new PageContext("https://example.edu/" + page.getFileName(), "U", null)));
                }
            }
            List<BenchPages.Person> people = BenchPages.people(200, 7);
            PageContext ctx = new PageContext("https://bench.example.edu/cs/faculty/", "Bench University", "Computer Science");
            for (int i = 0; i < 16; i++) {
                dump(out, "bench-dir-" + i, pipeline.extract(BenchPages.directory(people.subList(i * 12, i * 12 + 12), i + 1, 16, 7), ctx));
                dump(out, "bench-profile-" + i, pipeline.extract(BenchPages.profile(people.get(i), 7), ctx));
            }
        }
    }

    private static void dump(PrintStream out, String name, ExtractionResult r) {
        out.println("== " + name + " " + r.extractorsApplied());
        r.professors().forEach(out::println);
        r.papers().forEach(out::println);
    }
}
