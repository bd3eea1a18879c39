package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ProfileExtractorTests {
    private final ProfileExtractor extractor = new ProfileExtractor();

    private List<ExtractedProfessor> run(String html, String url) {
        return extractor.extract(Jsoup.parse(html, url), new PageContext(url, "Example U", null)).professors();
    }

    @Test
    void englishProfileWithObfuscatedEmailIgnoresFooterAddress() {
        String html = """
                <html><head><title>Jane Q. Smith</title></head><body>
                <nav><a href="/">Home</a> <a href="/people/">People</a></nav>
                <main><div class="profile">
                  <h1>Prof. Jane Q. Smith, Ph.D.</h1>
                  <p class="position">Assistant Professor, School of Informatics</p>
                  <p>Office: Room 210 · Email: jane.smith [at] informatics.example.edu</p>
                </div>
                <h2>Biography</h2><p>Jane Smith received her PhD in 2015 and was a postdoc before joining us.</p>
                </main>
                <footer><a href="mailto:webmaster@example.edu">webmaster@example.edu</a></footer>
                </body></html>""";
        assertEquals(List.of(new ExtractedProfessor("Jane Q. Smith", "Assistant Professor", "jane.smith@informatics.example.edu",
                        "School of Informatics", "https://example.edu/people/jsmith.html", 0.85, "profile", "main > div.profile > h1")),
                run(html, "https://example.edu/people/jsmith.html"));
    }

    @Test
    void koreanProfileWithRankInHeading() {
        String html = """
                <html lang="ko"><body><main>
                  <h1>김민준 <small>교수</small></h1>
                  <p>소프트웨어학부</p>
                  <p>이메일: <a href="mailto:MJKim@sw.example.ac.kr">MJKim@sw.example.ac.kr</a></p>
                  <h2>주요 논문</h2><ol><li>김민준, “한국어 질의응답,” <em>정보과학회논문지</em>, 2020.</li></ol>
                </main></body></html>""";
        assertEquals(List.of(new ExtractedProfessor("김민준", "교수", "mjkim@sw.example.ac.kr", "소프트웨어학부",
                        "https://sw.example.ac.kr/people/mjkim", 0.85, "profile", "main > h1")),
                run(html, "https://sw.example.ac.kr/people/mjkim"));
    }

    @Test
    void studentAndStaffPagesAreNotProfessors() {
        String student = "<main><h1>John Doe</h1><p>PhD Candidate, Department of Physics</p>"
                + "<p><a href=\"mailto:jdoe@example.edu\">jdoe@example.edu</a></p></main>";
        String staff = "<main><h1>Karen Mills</h1><p>Department Administrator</p></main>";
        String listing = "<main><h1>People</h1><h2>Ann Lee</h2><p>Professor</p><h2>Bo Chen</h2><p>Lecturer</p></main>";
        assertEquals(List.of(), run(student, "https://example.edu/jdoe"));
        assertEquals(List.of(), run(staff, "https://example.edu/kmills"));
        assertEquals(List.of(), run(listing, "https://example.edu/people"));
    }

    @Test
    void homepageStatingTheRankInItsOpeningSentence() {
        String html = """
                <h1>Shira Levin</h1>
                <p>I am an Assistant Professor at the Example University in the <a href="/ri">Robotics Institute</a>. I work on
                perception. Email: slevin at example dot edu</p>
                <h2>Publications</h2><p>...</p>""";
        List<ExtractedProfessor> got = run(html, "https://example.edu/~slevin/");
        assertEquals(List.of("Shira Levin"), got.stream().map(ExtractedProfessor::name).toList());
        assertEquals("Assistant Professor", got.get(0).title());
        assertEquals(List.of(), run(html.replace("an Assistant Professor", "a PhD student"), "https://example.edu/~slevin/"));
    }

    @Test
    void theSiteNameInH1GivesWayToThePersonInH2() {
        String html = """
                <h1>Department of Chemistry</h1>
                <div class="profile"><h2>Marta Kowalczyk</h2><p>Associate Professor</p>
                <p><a href="mailto:mkowalczyk@chem.example.edu">mkowalczyk@chem.example.edu</a></p></div>""";
        List<ExtractedProfessor> got = run(html, "https://chem.example.edu/people/kowalczyk");
        assertEquals(List.of("Marta Kowalczyk"), got.stream().map(ExtractedProfessor::name).toList());
        assertEquals("mkowalczyk@chem.example.edu", got.get(0).email());
    }

    @Test
    void aHomepageWithoutNameHeadingIsNamedByItsTitle() {
        String html = """
                <html><head><title>Zeyu Ma | Homepage</title></head><body>
                <div class="intro"><img src="me.jpg"><div><span class="big">Zeyu Ma</span><br>
                <span>Assistant Professor</span><br><span>zeyu.ma@example.edu</span></div></div>
                <p>Welcome to my page.</p></body></html>""";
        List<ExtractedProfessor> got = run(html, "https://example.edu/~zma/");
        assertEquals(List.of("Zeyu Ma"), got.stream().map(ExtractedProfessor::name).toList());
        assertEquals("Assistant Professor", got.get(0).title());
    }
}
