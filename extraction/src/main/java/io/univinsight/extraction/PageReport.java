package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dry-run report of one page: what the chain found there, each record with its confidence,
 * extractor and evidence, and the faculty directory links the page offers. The one shape of
 * {@code ./univ extract} and of the crawler's {@code POST /api/extract}.
 */
public record PageReport(String url, List<String> extractors, ExtractionResult result, List<String> facultyLinks) {

    /** The report as JSON-ready maps and lists, keys in camelCase like the rest of the HTTP API. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", url);
        out.put("extractors", extractors);
        out.put("extractorsApplied", result.extractorsApplied());
        out.put("accuracyScore", result.accuracyScore());
        List<Object> professors = new ArrayList<>();
        for (ExtractedProfessor p : result.professors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("title", p.title());
            m.put("rank", p.title() == null ? null : AcademicTitles.rankOf(p.title()));
            m.put("email", p.email());
            m.put("department", p.department());
            m.put("profileUrl", p.profileUrl());
            m.put("confidence", p.confidence());
            m.put("extractor", p.extractor());
            m.put("evidence", p.evidence());
            if (p.emailImageUrl() != null) {
                m.put("emailImageUrl", p.emailImageUrl()); // only then: a report without one reads as before
            }
            professors.add(m);
        }
        out.put("professors", professors);
        List<Object> papers = new ArrayList<>();
        for (ExtractedPaper p : result.papers()) {
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
        out.put("facultyLinks", facultyLinks);
        return out;
    }
}
