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
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the default pipeline over every crawlable page of the bundled demo university and checks it
 * finds exactly what the site's EXPECTED.json lists: no staff, students or postdocs, and each paper once.
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
        assertEquals(17, crawled.size());
    }

    @Test
    void findsExactlyTheExpectedProfessors() {
        TreeSet<String> want = new TreeSet<>();
        for (Object o : (List<?>) expected.get("professors")) {
            Map<?, ?> p = (Map<?, ?>) o;
            want.add(p.get("name") + " | " + p.get("title") + " | " + p.get("email") + " | " + p.get("department"));
        }
        TreeSet<String> got = new TreeSet<>();
        for (ExtractedProfessor p : RecordMerger.mergeProfessors(professors)) {
            got.add(p.name() + " | " + p.title() + " | " + p.email() + " | " + p.department());
        }
        assertEquals(String.join("\n", want), String.join("\n", got));
        assertEquals(16, got.size());
    }

    @Test
    void eachProfessorIsFoundOnTheDirectoryPageExpectedJsonNames() {
        for (Object o : (List<?>) expected.get("professors")) {
            Map<?, ?> p = (Map<?, ?>) o;
            ExtractionResult r = byPage.get((String) p.get("page"));
            assertTrue(r.professors().stream().anyMatch(x -> x.email() != null && x.email().equals(p.get("email"))),
                    () -> p.get("name") + " not found on " + p.get("page"));
        }
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
