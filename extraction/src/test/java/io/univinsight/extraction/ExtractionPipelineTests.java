package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ExtractionPipelineTests {
    private static final String PROFILE_PAGE = """
            <html><head><title>Ada Byron</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "Person", "name": "Dr. Ada Byron", "jobTitle": "Professor", "url": "/~ada/"}
            </script>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "ScholarlyArticle", "name": "Notes on the Analytical Engine",
             "author": ["Ada Byron", "Charles Babbage"], "datePublished": "1972",
             "sameAs": "https://doi.org/10.5555/AE.1972"}
            </script></head>
            <body><main>
              <h1>Ada Byron</h1>
              <p class="title">Professor</p>
              <p>Email: <a href="mailto:Ada@Example.edu">Ada@Example.edu</a></p>
              <h2>Publications</h2>
              <ol><li>Ada Byron. “Notes on the analytical engine.” <em>Scientific Memoirs</em> 3, 1972. doi:10.5555/AE.1972</li></ol>
            </main></body></html>""";

    private static final PageContext CTX = new PageContext("https://example.edu/~ada/index.html", "Example U", "Mathematics");

    @Test
    void mergesTheSamePersonAndPaperAcrossExtractors() {
        ExtractionResult r = ExtractionPipeline.defaults().extract(PROFILE_PAGE, CTX);
        assertEquals(List.of(new ExtractedProfessor("Ada Byron", "Professor", "ada@example.edu", "Mathematics",
                "https://example.edu/~ada/", 0.9, "json-ld+profile", "script[type=application/ld+json]:nth-of-type(1) $")),
                r.professors());
        assertEquals(List.of(new ExtractedPaper("Notes on the Analytical Engine", List.of("Ada Byron", "Charles Babbage"), 1972,
                "Scientific Memoirs", "10.5555/ae.1972", "https://doi.org/10.5555/ae.1972", 0.9, "json-ld+publications",
                "script[type=application/ld+json]:nth-of-type(2) $")), r.papers());
        assertEquals(List.of("json-ld", "profile", "publications"), r.extractorsApplied());
    }

    @Test
    void configurableChain() {
        ExtractionPipeline onlyProfile = ExtractionPipeline.of(List.of("profile"));
        assertEquals(List.of("profile"), onlyProfile.extractorNames());
        ExtractionResult r = onlyProfile.extract(PROFILE_PAGE, CTX);
        assertEquals(List.of(new ExtractedProfessor("Ada Byron", "Professor", "ada@example.edu", "Mathematics",
                "https://example.edu/~ada/index.html", 0.85, "profile", "main > h1")), r.professors());
        assertEquals(List.of(), r.papers());
        assertEquals(List.of("json-ld", "microdata", "script-data", "directory", "profile", "publications"),
                ExtractionPipeline.defaults().extractorNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExtractionPipeline.of(List.of("directory", "regex-magic")));
        assertEquals("unknown extractor 'regex-magic'; known: [json-ld, microdata, script-data, directory, profile, publications]",
                e.getMessage());
    }

    @Test
    void namesakesWithDifferentEmailsStayApart() {
        List<ExtractedProfessor> merged = RecordMerger.mergeProfessors(List.of(
                new ExtractedProfessor("Ji-woo Kim", "Professor", "jwkim@a.edu", null, null, 0.8, "directory", "a"),
                new ExtractedProfessor("Ji-woo Kim", "Lecturer", "jwkim2@a.edu", null, null, 0.8, "directory", "b"),
                new ExtractedProfessor("Dr. Ji-woo  Kim", null, null, "Physics", "https://a.edu/jwkim", 0.5, "profile", "c")));
        assertEquals(2, merged.size());
        assertEquals(new ExtractedProfessor("Ji-woo Kim", "Professor", "jwkim@a.edu", "Physics", "https://a.edu/jwkim", 0.8,
                "directory+profile", "a"), merged.get(0));
    }

    @Test
    void emptyOrBrokenHtmlIsHarmless() {
        assertEquals(new ExtractionResult(List.of(), List.of(), List.of()),
                ExtractionPipeline.defaults().extract("", new PageContext("https://x.example/", "U", null)));
        assertEquals(new ExtractionResult(List.of(), List.of(), List.of()),
                ExtractionPipeline.defaults().extract("<div><p>unclosed <b>tags", new PageContext(null, "U", null)));
    }
}
