package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class JsonLdExtractorTests {
    @Test
    void readsPersonAndScholarlyArticleFromGraph() {
        String html = """
                <html><head>
                <script type="application/ld+json">
                {"@context": "https://schema.org",
                 "@graph": [
                  {"@type": "Person", "name": "Dr. Rosalind Franklin", "jobTitle": "Associate Professor of Chemistry",
                   "email": "MAILTO:R.Franklin@chem.example.edu", "url": "/people/franklin",
                   "worksFor": {"@type": "CollegeOrUniversity", "name": "Example University",
                                "department": {"@type": "Organization", "name": "Department of Chemistry"}}},
                  {"@type": "Person", "name": "Maurice Wilkins", "jobTitle": "Lab Manager", "email": "mw@chem.example.edu"},
                  {"@type": "ScholarlyArticle", "headline": "Molecular Configuration in Sodium Thymonucleate",
                   "author": [{"@type": "Person", "name": "Rosalind Franklin", "jobTitle": "Professor"}, "Raymond Gosling"],
                   "datePublished": "1953-04-25",
                   "isPartOf": {"@type": "PublicationIssue", "isPartOf": {"@type": "Periodical", "name": "Nature"}},
                   "identifier": {"@type": "PropertyValue", "propertyID": "doi", "value": "10.1038/171740a0"}}
                 ]}
                </script>
                <script type="application/ld+json">{ this is not json </script>
                </head><body><p>Hello</p></body></html>""";
        ExtractionResult r = new JsonLdExtractor().extract(Jsoup.parse(html, "https://chem.example.edu/people/franklin"),
                new PageContext("https://chem.example.edu/people/franklin", "Example University", null));
        assertEquals(List.of(new ExtractedProfessor("Rosalind Franklin", "Associate Professor", "r.franklin@chem.example.edu",
                        "Department of Chemistry", "https://chem.example.edu/people/franklin", 0.95, "json-ld",
                        "script[type=application/ld+json]:nth-of-type(1) $.@graph[0]")),
                r.professors());
        assertEquals(List.of(new ExtractedPaper("Molecular Configuration in Sodium Thymonucleate",
                        List.of("Rosalind Franklin", "Raymond Gosling"), 1953, "Nature", "10.1038/171740a0",
                        "https://doi.org/10.1038/171740a0", 0.95, "json-ld",
                        "script[type=application/ld+json]:nth-of-type(1) $.@graph[2]")),
                r.papers());
        assertEquals(List.of("json-ld"), r.extractorsApplied());
    }

    @Test
    void pageWithoutStructuredDataYieldsNothing() {
        ExtractionResult r = new JsonLdExtractor().extract(Jsoup.parse("<p>Prof. X</p>"), new PageContext("https://x/", "U", null));
        assertEquals(new ExtractionResult(List.of(), List.of(), List.of()), r);
    }
}
