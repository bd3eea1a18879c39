package io.univinsight.extraction.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.univinsight.extraction.AcademicTitles;
import io.univinsight.extraction.ExtractionPipeline;
import io.univinsight.extraction.ExtractionResult;
import io.univinsight.extraction.Json;
import io.univinsight.extraction.LinkClassifier;
import io.univinsight.extraction.PageContext;
import io.univinsight.extraction.ExtractedPaper;
import io.univinsight.extraction.ExtractedProfessor;

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
        System.out.println(Json.write(toMap(url, result, new LinkClassifier().facultyDirectoryLinks(doc))));
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

    static Map<String, Object> toMap(String url, ExtractionResult r, List<String> facultyLinks) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", url);
        out.put("extractors_applied", r.extractorsApplied());
        out.put("accuracy_score", r.accuracyScore());
        List<Object> profs = new ArrayList<>();
        for (ExtractedProfessor p : r.professors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("title", p.title());
            m.put("rank", AcademicTitles.rankOf(p.title()));
            m.put("email", p.email());
            m.put("department", p.department());
            m.put("profile_url", p.profileUrl());
            m.put("confidence", p.confidence());
            m.put("extractor", p.extractor());
            m.put("evidence", p.evidence());
            profs.add(m);
        }
        out.put("professors", profs);
        List<Object> papers = new ArrayList<>();
        for (ExtractedPaper p : r.papers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", p.title());
            m.put("authors", p.authors());
            m.put("year", p.year());
            m.put("venue", p.venue());
            m.put("doi", p.doi());
            m.put("url", p.url());
            m.put("confidence", p.confidence());
            m.put("extractor", p.extractor());
            m.put("evidence", p.evidence());
            papers.add(m);
        }
        out.put("papers", papers);
        out.put("faculty_links", facultyLinks);
        return out;
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
