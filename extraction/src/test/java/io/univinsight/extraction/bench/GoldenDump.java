package io.univinsight.extraction.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.Json;
import io.univinsight.extraction.LinkClassifier;
import io.univinsight.extraction.PageContext;
import io.univinsight.extraction.PageReport;

/**
 * Writes the whole dry-run report (every record with confidence, extractor and evidence, the extractors applied,
 * the accuracy score and the faculty links) of the given folders' HTML pages and of the bench pages to a file,
 * one JSON line per page, for before/after diffs: a speed change must leave every line as it was.
 * Usage: GoldenDump OUT DIR...
 */
public final class GoldenDump {
    private static final ExtractionPipeline PIPELINE = ExtractionPipeline.defaults();

    public static void main(String[] args) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(args[0])), true, StandardCharsets.UTF_8)) {
            for (int i = 1; i < args.length; i++) {
                List<Path> pages;
                try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
                    pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
                }
                for (Path page : pages) {
                    String html = Files.readString(page, StandardCharsets.UTF_8);
                    // As the evaluation reads them: no department known, so the extractors guess it off the page.
                    dump(out, page.toString(), html, new PageContext("https://example.edu/" + page.getFileName(), "U", null));
                }
            }
            List<BenchPages.Person> people = BenchPages.people(200, 7);
            PageContext ctx = new PageContext("https://bench.example.edu/cs/faculty/", "Bench University", "Computer Science");
            PageContext noDept = new PageContext(ctx.url(), ctx.universityName(), null);
            for (int i = 0; i < 16; i++) {
                String dir = BenchPages.directory(people.subList(i * 12, i * 12 + 12), i + 1, 16, 7);
                String profile = BenchPages.profile(people.get(i), 7);
                dump(out, "bench-dir-" + i, dir, ctx);
                dump(out, "bench-dir-nodept-" + i, dir, noDept);
                dump(out, "bench-profile-" + i, profile, ctx);
                dump(out, "bench-profile-nodept-" + i, profile, noDept);
            }
        }
    }

    private static void dump(PrintStream out, String name, String html, PageContext ctx) {
        Document doc = Jsoup.parse(html, ctx.url());
        PageReport report = new PageReport(ctx.url(), PIPELINE.extractorNames(), PIPELINE.extract(doc, ctx),
                new LinkClassifier().facultyDirectoryLinks(doc));
        out.println("== " + name);
        out.println(Json.write(report.toMap()));
    }
}
