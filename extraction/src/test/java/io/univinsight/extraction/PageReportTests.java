package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PageReportTests {
    @Test
    void oneShapeForTheCommandLineAndTheHttpDryRun() {
        ExtractedProfessor prof = new ExtractedProfessor("Jane Roe", "Associate Professor", "JRoe@U.edu", "Physics",
                "https://u.edu/p/jroe", 0.9, "directory", "li:nth-child(1)");
        ExtractedPaper paper = new ExtractedPaper("A Paper", List.of("Jane Roe"), 2024, "Venue", "10.1/x", null, 0.8,
                "publications", "ol>li");
        ExtractionResult result = new ExtractionResult(List.of(prof), List.of(paper), List.of("directory", "publications"));
        Map<String, Object> map = new PageReport("https://u.edu/people", List.of("directory", "publications"), result,
                List.of("https://u.edu/people?page=2")).toMap();
        assertEquals(List.of("url", "extractors", "extractorsApplied", "accuracyScore", "professors", "papers", "facultyLinks"),
                List.copyOf(map.keySet()));
        Map<?, ?> p = (Map<?, ?>) ((List<?>) map.get("professors")).get(0);
        assertEquals(List.of("name", "title", "rank", "email", "department", "profileUrl", "confidence", "extractor", "evidence"),
                List.copyOf(p.keySet()));
        assertEquals("jroe@u.edu", p.get("email"));
        assertEquals("https://u.edu/p/jroe", p.get("profileUrl"));
        Map<?, ?> q = (Map<?, ?>) ((List<?>) map.get("papers")).get(0);
        assertEquals(2024, q.get("year"));
    }
}
