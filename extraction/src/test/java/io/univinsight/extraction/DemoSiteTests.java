package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the default pipeline over every crawlable page of the bundled demo university and checks it
 * finds exactly what the site's EXPECTED.json lists: no staff, students or postdocs, and each paper once.
 * This is the HTML as served, without a browser or OCR: people EXPECTED.json marks foundBy render are
 * not in it, and those with emailForm image are found without an email.
 */
class DemoSiteTests {
    private static final Path SITE = Path.of("../dev-stack/src/main/resources/demo-site");
    private static final String BASE = "http://127.0.0.1:8090/";

    private static final List<String> crawled = new ArrayList<>();
    private static final List<String> skipped = new ArrayList<>();
    private static final List<ExtractedProfessor> professors = new ArrayList<>();
    private static final List<ExtractedPaper> papers = new ArrayList<>();
    private static final Map<String, ExtractionResult> byPage = new java.util.TreeMap<>();
    private static Map<?, ?> expected;

    @BeforeAll
    static void crawlDemoSite() throws IOException {
        List<String> disallowed = Files.readAllLines(SITE.resolve("robots.txt")).stream()
                .filter(l -> l.startsWith("Disallow:"))
                .map(l -> l.substring("Disallow:".length()).trim())
                .filter(s -> !s.isEmpty())
                .toList();
        ExtractionPipeline pipeline = ExtractionPipeline.defaults();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(SITE)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        for (Path page : pages) {
            String rel = SITE.relativize(page).toString().replace('\\', '/');
            if (disallowed.stream().anyMatch(d -> ("/" + rel).startsWith(d))) {
                skipped.add(rel);
                continue;
            }
            crawled.add(rel);
            String html = Files.readString(page, StandardCharsets.UTF_8);
            ExtractionResult r = pipeline.extract(html, new PageContext(BASE + rel, "Hanbit Institute of Technology", null));
            byPage.put(rel, r);
            professors.addAll(r.professors());
            papers.addAll(r.papers());
        }
        expected = (Map<?, ?>) Json.parse(Files.readString(SITE.resolve("EXPECTED.json"), StandardCharsets.UTF_8));
    }

    @Test
    void honoursRobotsTxt() {
        assertEquals(List.of("private/secret.html"), skipped);
        assertEquals(19, crawled.size());
    }

    @Test
    void findsExactlyTheExpectedProfessors() {
        TreeSet<String> want = new TreeSet<>();
        for (Map<?, ?> p : expectedWithoutBrowser()) {
            want.add(p.get("name") + " | " + p.get("title") + " | " + staticEmail(p) + " | " + p.get("department"));
        }
        TreeSet<String> got = new TreeSet<>();
        for (ExtractedProfessor p : RecordMerger.mergeProfessors(professors)) {
            got.add(p.name() + " | " + p.title() + " | " + p.email() + " | " + p.department());
        }
        assertEquals(String.join("\n", want), String.join("\n", got));
        assertEquals(19, got.size());
    }

    @Test
    void eachProfessorIsFoundOnTheDirectoryPageExpectedJsonNames() {
        for (Map<?, ?> p : expectedWithoutBrowser()) {
            ExtractionResult r = byPage.get((String) p.get("page"));
            assertTrue(r.professors().stream().anyMatch(x -> x.name().equals(p.get("name")) && Objects.equals(x.email(), staticEmail(p))),
                    () -> p.get("name") + " not found on " + p.get("page"));
        }
    }

    /** The script-built directory lists nobody in its HTML: only the rendered page has its people. */
    @Test
    void pagesBuiltByScriptsGiveNobodyWithoutABrowser() {
        List<?> all = (List<?>) expected.get("professors");
        List<String> renderOnlyPages = all.stream().map(o -> (Map<?, ?>) o)
                .filter(p -> "render".equals(p.get("foundBy"))).map(p -> (String) p.get("page")).distinct().toList();
        assertEquals(List.of("chem/people/index.html"), renderOnlyPages);
        for (String page : renderOnlyPages) {
            assertEquals(List.of(), byPage.get(page).professors(), page);
        }
        assertEquals(22, all.size(), "19 found in the HTML (3 of them with image emails), 3 more by rendering");
    }

    /** What EXPECTED.json lists minus the people only a browser sees. */
    private static List<Map<?, ?>> expectedWithoutBrowser() {
        return ((List<?>) expected.get("professors")).stream().<Map<?, ?>>map(o -> (Map<?, ?>) o)
                .filter(p -> !"render".equals(p.get("foundBy")))
                .toList();
    }

    /** An address shown only as an image is not in the text: without OCR the person has no email. */
    private static Object staticEmail(Map<?, ?> p) {
        return "image".equals(p.get("emailForm")) ? null : p.get("email");
    }

    @Test
    void profileLinksAreAbsolute() {
        List<ExtractedProfessor> merged = RecordMerger.mergeProfessors(professors);
        ExtractedProfessor whitfield = merged.stream().filter(p -> p.name().equals("Eleanor Whitfield")).findFirst().orElseThrow();
        assertEquals(BASE + "cs/people/eleanor-whitfield.html", whitfield.profileUrl());
        ExtractedProfessor kim = merged.stream().filter(p -> p.name().equals("김민준")).findFirst().orElseThrow();
        assertEquals(BASE + "ko/cse/people/minjun-kim.html", kim.profileUrl());
        for (ExtractedProfessor p : merged) {
            assertTrue(p.profileUrl() == null || p.profileUrl().startsWith(BASE), p::toString);
            assertTrue(p.confidence() > 0 && p.confidence() <= 1, p::toString);
            assertFalse(p.evidence() == null || p.evidence().isBlank(), p::toString);
        }
    }

    @Test
    void findsExactlyTheExpectedPapers() {
        TreeSet<String> want = new TreeSet<>();
        for (Object o : (List<?>) expected.get("papers")) {
            Map<?, ?> p = (Map<?, ?>) o;
            Object year = p.get("year");
            want.add(p.get("title") + " | " + p.get("authors") + " | " + (year == null ? null : ((Double) year).intValue())
                    + " | " + p.get("venue") + " | " + p.get("doi"));
        }
        TreeSet<String> got = new TreeSet<>();
        for (ExtractedPaper p : RecordMerger.mergePapers(papers)) {
            got.add(p.title() + " | " + p.authors() + " | " + p.year() + " | " + p.venue() + " | " + p.doi());
        }
        assertEquals(String.join("\n", want), String.join("\n", got));
        assertEquals(22, got.size());
    }
}
