package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MicrodataExtractorTests {
    @Test
    void personAndArticleWithNestedAuthorNotTreatedAsProfessor() {
        String html = """
                <div itemscope itemtype="https://schema.org/Person">
                  <a itemprop="url name" href="/~hopper/">Grace Hopper</a>
                  <span itemprop="jobTitle">Visiting Professor</span>
                  <span itemprop="affiliation">Department of Computer Science</span>
                  <a itemprop="email" href="mailto:hopper@cs.example.edu">email</a>
                </div>
                <ul><li itemscope itemtype="http://schema.org/ScholarlyArticle">
                  <span itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">Grace Hopper</span>
                    <span itemprop="jobTitle">Professor</span></span>,
                  <cite itemprop="headline">The Education of a Computer</cite>,
                  <span itemprop="isPartOf">Proceedings of the ACM National Meeting</span>,
                  <time itemprop="datePublished" datetime="1952-05-02">1952</time>.
                  <a itemprop="sameAs" href="https://doi.org/10.1145/609784.609818">DOI</a>
                </li></ul>""";
        ExtractionResult r = new MicrodataExtractor().extract(Jsoup.parse(html, "https://cs.example.edu/people"),
                new PageContext("https://cs.example.edu/people", "Example U", null));
        assertEquals(List.of(new ExtractedProfessor("Grace Hopper", "Visiting Professor", "hopper@cs.example.edu",
                "Department of Computer Science", "https://cs.example.edu/~hopper/", 0.9, "microdata", "div")), r.professors());
        assertEquals(List.of(new ExtractedPaper("The Education of a Computer", List.of("Grace Hopper"), 1952,
                "Proceedings of the ACM National Meeting", "10.1145/609784.609818", "https://doi.org/10.1145/609784.609818",
                0.9, "microdata", "ul > li")), r.papers());
    }
}
