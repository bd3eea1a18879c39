package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class PublicationsExtractorTests {
    private List<ExtractedPaper> run(String html) {
        String url = "https://example.edu/~smith/";
        return new PublicationsExtractor().extract(Jsoup.parse(html, url), new PageContext(url, "Example U", null)).papers();
    }

    @Test
    void citationListWithDoiQuotesLinksAndKorean() {
        String html = """
                <h1>Anna Smith</h1>
                <h2>Publications</h2>
                <h3>Journal articles</h3>
                <ul>
                  <li>A. Smith, B. Jones, and C. Lee. “Graph Neural Networks for Protein Folding.” <i>Nature Methods</i>, 18(4):311-320, 2021. doi:10.1038/s41592-021-01234-5.</li>
                  <li>Smith, J.; Doe, R. (2019). <a href="/papers/sbi.pdf">Scalable Bayesian Inference in Practice</a>. In <em>Proceedings of ICML</em>. https://doi.org/10.5555/ICML.2019.77</li>
                  <li>김민준, 이서연, “한국어 문서 요약을 위한 그래프 기반 모델,” <em>정보과학회논문지</em>, 제45권 제2호, 2018.</li>
                </ul>
                <h2>Teaching</h2>
                <ul><li>Data Structures (Fall 2020)</li><li>Algorithms (Spring 2021)</li></ul>""";
        assertEquals(List.of(
                new ExtractedPaper("Graph Neural Networks for Protein Folding", List.of("A. Smith", "B. Jones", "C. Lee"), 2021,
                        "Nature Methods", "10.1038/s41592-021-01234-5", "https://doi.org/10.1038/s41592-021-01234-5", 0.9,
                        "publications", "ul:nth-of-type(1) > li:nth-of-type(1)"),
                new ExtractedPaper("Scalable Bayesian Inference in Practice", List.of("Smith, J.", "Doe, R."), 2019,
                        "Proceedings of ICML", "10.5555/icml.2019.77", "https://example.edu/papers/sbi.pdf", 0.9,
                        "publications", "ul:nth-of-type(1) > li:nth-of-type(2)"),
                new ExtractedPaper("한국어 문서 요약을 위한 그래프 기반 모델", List.of("김민준", "이서연"), 2018, "정보과학회논문지", null,
                        null, 0.8, "publications", "ul:nth-of-type(1) > li:nth-of-type(3)")),
                run(html));
    }

    @Test
    void plainTextCitationsWithoutMarkup() {
        String html = """
                <h2>Selected Papers</h2>
                <p>Garcia, M., &amp; Chen, L. (2022). Robust estimation under heavy tails. Journal of Statistics, 14(2), 55-70.</p>
                <p>P. Novak and K. Ito. Sparse attention for long documents. Transactions of the ACL, 2020.</p>
                <p>M. Lopez and T. Nguyen, Regularity of free boundaries, <i>Annals of PDE</i> 7 (2021), 1–40.</p>
                <p>Smith AB, Jones C. Deep learning for cell counting. <i>Nat Methods</i>. 2019;16(3):120-5.</p>
                <p>Invited talk at the Workshop on Things, Boston, 2019.</p>""";
        assertEquals(List.of(
                "Robust estimation under heavy tails|[Garcia, M., Chen, L.]|2022|Journal of Statistics|null",
                "Sparse attention for long documents|[P. Novak, K. Ito]|2020|Transactions of the ACL|null",
                "Regularity of free boundaries|[M. Lopez, T. Nguyen]|2021|Annals of PDE|null",
                "Deep learning for cell counting|[Smith AB, Jones C]|2019|Nat Methods|null"),
                run(html).stream().map(p -> p.title() + "|" + p.authors() + "|" + p.year() + "|" + p.venue() + "|" + p.doi()).toList());
    }

    @Test
    void doiAnywhereCountsButYearlessProseDoesNot() {
        String html = """
                <h2>News</h2>
                <ul>
                  <li>Our paper “Fast Sorting on GPUs” is out: <a href="https://doi.org/10.1145%2F3548606">10.1145/3548606</a> (2022)</li>
                  <li>The lab moved to the “New Science Building” this spring.</li>
                </ul>""";
        List<ExtractedPaper> got = run(html);
        assertEquals(1, got.size());
        assertEquals("Fast Sorting on GPUs", got.get(0).title());
        assertEquals("10.1145/3548606", got.get(0).doi());
        assertEquals(2022, got.get(0).year());
    }

    @Test
    void bibTexBesideACitationAndItsButtonListGiveTheFields() {
        String html = """
                <h1>Publications</h1><ol class="bibliography">
                <li><span>Roe, R., &amp; Doe, J. (2018). Efficient parametrization of deep networks. In <i>CVPR</i>.</span>
                  <ul class="pills"><li><a href="#bib">Bib</a></li><li><a href="/p.pdf">PDF</a></li></ul>
                  <pre>@inproceedings{Roe18,
                    title = {Efficient parametrization of deep networks},
                    author = {Roe, R. and Doe, J.},
                    booktitle = {IEEE Conference on Computer Vision and Pattern Recognition (CVPR)},
                    year = {2018},
                    doi = {10.1109/CVPR.2018.00847}
                  }</pre></li></ol>""";
        List<ExtractedPaper> got = run(html);
        assertEquals(1, got.size());
        assertEquals("Efficient parametrization of deep networks", got.get(0).title());
        assertEquals(List.of("Roe, R.", "Doe, J."), got.get(0).authors());
        assertEquals(2018, got.get(0).year());
        assertEquals("10.1109/cvpr.2018.00847", got.get(0).doi().toLowerCase());
    }

    @Test
    void yearGroupedListsTakeTheHeadingYear() {
        String html = """
                <h2>Publications</h2><h3>2021</h3>
                <ul><li><b>Learning to Walk Again</b><br>A. Smith, B. Jones<br><i>Robotics Letters</i></li></ul>""";
        List<ExtractedPaper> got = run(html);
        assertEquals(List.of("Learning to Walk Again"), got.stream().map(ExtractedPaper::title).toList());
        assertEquals(2021, got.get(0).year());
    }

    @Test
    void aBoldLineStandingAloneHeadsASection() {
        String html = """
                <table><tr><td><p><b>Selected Bibliography</b></p><p><b>Chapters</b></p>
                <ul><li>"<a href="/c.pdf">Rationality as a Constitutive Ideal</a>", <em>A Companion to Davidson</em>, ed. E. Lepore</li></ul>
                </td></tr></table>""";
        assertEquals(List.of("Rationality as a Constitutive Ideal"), run(html).stream().map(ExtractedPaper::title).toList());
        assertEquals(List.of(), run(html.replace("Selected Bibliography", "Selected Talks")));
    }

    @Test
    void chinesePublicationHeading() {
        String html = """
                <h2>代表性论文</h2><ul>
                <li>Z. Wang, L. Li. "Neural Rendering of Ink Paintings." <i>ACM Transactions on Graphics</i>, 2022.</li></ul>""";
        assertEquals(List.of("Neural Rendering of Ink Paintings"), run(html).stream().map(ExtractedPaper::title).toList());
    }

    @Test
    void publicationClassWordsAsTheRegexReadsThem() {
        java.util.regex.Pattern regex = java.util.regex.Pattern.compile("(?i).*(?:pub|citation|bib|paper|reference).*");
        for (String s : List.of("", "pub-list", "PUBS", "my-Papers", "ref", "References", "x-bibitem", "nav", "Citation\nlist",
                "paper\r", "pub\u2028", "pu b", "\u0130citation", "publ\u0131cation", "reFERENCE-x", "k\u212Aey")) {
            assertEquals(regex.matcher(s).matches(), PublicationsExtractor.namesPublications(s), s);
        }
    }
}
