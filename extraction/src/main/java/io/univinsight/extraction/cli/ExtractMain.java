package io.univinsight.extraction.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.Json;
import io.univinsight.extraction.LinkClassifier;
import io.univinsight.extraction.PageContext;
import io.univinsight.extraction.PageReport;

/**
 * Dry run: {@code ExtractMain FILE|URL [--url BASE] [--extractors a,b]} prints what the pipeline finds on
 * one page as JSON, with each record's confidence, extractor and evidence. Nothing is stored.
 * Only http(s) URLs typed by the user are fetched; a file is read as UTF-8.
 */
public final class ExtractMain {
    private static final int TIMEOUT_MS = 15_000;

    private ExtractMain() {
    }

    public static void main(String[] args) throws IOException {
        String target = null;
        String base = null;
        List<String> extractors = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> base = value(args, ++i);
                case "--extractors" -> extractors = Arrays.asList(value(args, ++i).split(","));
                default -> target = args[i];
            }
        }
        if (target == null) {
            fail("usage: ExtractMain FILE|URL [--url BASE] [--extractors json-ld,microdata,script-data,directory,profile,publications]");
        }
        ExtractionPipeline pipeline = extractors == null ? ExtractionPipeline.defaults() : ExtractionPipeline.of(extractors);
        Document doc = load(target, base);
        String url = doc.location().isEmpty() ? target : doc.location();
        ExtractionResult result = pipeline.extract(doc, new PageContext(url, null, null));
        PageReport report = new PageReport(url, pipeline.extractorNames(), result, new LinkClassifier().facultyDirectoryLinks(doc));
        System.out.println(Json.write(report.toMap()));
    }

    private static Document load(String target, String base) throws IOException {
        String lower = target.toLowerCase();
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return Jsoup.connect(target).userAgent("UnivInsight-dry-run/0.1").timeout(TIMEOUT_MS).get();
        }
        Path file = Path.of(target);
        if (!Files.isRegularFile(file)) {
            fail("extract: no such file " + target + " (only files and http(s) URLs are read)");
        }
        String html = Files.readString(file, StandardCharsets.UTF_8);
        return Jsoup.parse(html, base != null ? base : file.toAbsolutePath().toUri().toString());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            fail("missing value after " + args[i - 1]);
        }
        return args[i];
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
