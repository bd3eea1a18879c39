package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class DirectoryExtractorTests {
    private final DirectoryExtractor extractor = new DirectoryExtractor();

    private List<ExtractedProfessor> run(String html, PageContext ctx) {
        ExtractionResult r = extractor.extract(Jsoup.parse(html, ctx.url()), ctx);
        assertEquals(List.of(), r.papers());
        return r.professors();
    }

    @Test
    void cardsKeepProfessorsAndDropStaffStudentsAndPostdocs() {
        String html = """
                <html><head><title>Faculty | Mathematics</title></head><body>
                <header><nav><ul><li><a href="/">Home</a></li><li><a href="/people/">People</a></li></ul></nav></header>
                <div class="dept">Department of Mathematics</div>
                <h1>Faculty Directory</h1>
                <div class="grid">
                  <div class="card"><h3><a href="../people/ada-byron.html">Dr. Ada Byron</a></h3>
                    <p>Associate Professor</p><a href="mailto:ABYRON@Example.edu">Email</a></div>
                  <div class="card"><h3><a href="../people/alan-turner.html">Alan Turner</a></h3>
                    <p>Professor of Mathematics</p><a href="mailto:aturner@example.edu">aturner@example.edu</a></div>
                  <div class="card"><h3>Grace Hopper</h3><p>Administrative Assistant</p>
                    <a href="mailto:ghopper@example.edu">ghopper@example.edu</a></div>
                  <div class="card"><h3><a href="../people/kurt-goedel.html">Kurt Goedel</a></h3><p>PhD Student</p>
                    <a href="mailto:kgoedel@example.edu">kgoedel@example.edu</a></div>
                  <div class="card"><h3>Emmy Noether</h3><p>Postdoctoral Fellow</p><p>enoether@example.edu</p></div>
                </div>
                <footer><a href="mailto:info@example.edu">info@example.edu</a></footer>
                </body></html>""";
        List<ExtractedProfessor> got = run(html, new PageContext("https://math.example.edu/faculty/index.html", "Example U", null));
        assertEquals(List.of(
                new ExtractedProfessor("Ada Byron", "Associate Professor", "abyron@example.edu", "Department of Mathematics",
                        "https://math.example.edu/people/ada-byron.html", 0.9, "directory", "div.grid:nth-of-type(2) > div.card:nth-of-type(1)"),
                new ExtractedProfessor("Alan Turner", "Professor", "aturner@example.edu", "Department of Mathematics",
                        "https://math.example.edu/people/alan-turner.html", 0.9, "directory", "div.grid:nth-of-type(2) > div.card:nth-of-type(2)")),
                got);
    }

    @Test
    void tableRowsWithObfuscatedEmails() {
        String html = """
                <h2>Faculty</h2>
                <table class="staff">
                  <tr><th>Name</th><th>Title</th><th>Email</th></tr>
                  <tr><td>Marie Curie</td><td>Professor and Chair</td><td>mcurie [at] physics [dot] example [dot] edu</td></tr>
                  <tr><td>Niels Bohr</td><td>Senior Lecturer</td><td>nbohr(at)physics.example.edu</td></tr>
                  <tr><td>Lise Meitner</td><td>Research Associate</td><td>lmeitner@physics.example.edu</td></tr>
                  <tr><td>Paul Dirac</td><td>Professor Emeritus</td><td>PDirac AT physics DOT example DOT edu</td></tr>
                </table>""";
        List<ExtractedProfessor> got = run(html, new PageContext("https://example.edu/physics/people", "Example U", "Physics"));
        assertEquals(List.of("Marie Curie|Professor|mcurie@physics.example.edu|Physics",
                        "Niels Bohr|Senior Lecturer|nbohr@physics.example.edu|Physics",
                        "Paul Dirac|Professor Emeritus|pdirac@physics.example.edu|Physics"),
                got.stream().map(p -> p.name() + "|" + p.title() + "|" + p.email() + "|" + p.department()).toList());
        assertEquals("table.staff > tbody > tr:nth-of-type(2)", got.get(0).evidence());
        assertEquals(0.85, got.get(0).confidence());
    }

    @Test
    void koreanDirectory() {
        String html = """
                <html lang="ko"><head><meta charset="utf-8"><title>교수진</title></head><body>
                <p class="dept">전자공학과</p>
                <h1>교수진</h1>
                <ul class="members">
                  <li><strong><a href="/ko/people/mjkim">김민준</a></strong> 교수<br>이메일: mjkim@ee.example.ac.kr<br>연구실: 공학관 401호</li>
                  <li><strong>이서연</strong> 조교수<br>이메일: <a href="mailto:sylee@ee.example.ac.kr">sylee@ee.example.ac.kr</a></li>
                  <li><strong>최하늘</strong> 명예교수<br>이메일: hnchoi＠ee.example.ac.kr</li>
                  <li><strong>박하늘</strong> 박사과정<br>이메일: hnpark@ee.example.ac.kr</li>
                  <li><strong>정다은</strong> 행정직원<br>이메일: dejung@ee.example.ac.kr</li>
                </ul></body></html>""";
        List<ExtractedProfessor> got = run(html, new PageContext("https://ee.example.ac.kr/ko/faculty.html", "예시대학교", null));
        assertEquals(List.of(
                new ExtractedProfessor("김민준", "교수", "mjkim@ee.example.ac.kr", "전자공학과",
                        "https://ee.example.ac.kr/ko/people/mjkim", 0.9, "directory", "ul.members > li:nth-of-type(1)"),
                new ExtractedProfessor("이서연", "조교수", "sylee@ee.example.ac.kr", "전자공학과", null, 0.85, "directory",
                        "ul.members > li:nth-of-type(2)"),
                new ExtractedProfessor("최하늘", "명예교수", "hnchoi@ee.example.ac.kr", "전자공학과", null, 0.85, "directory",
                        "ul.members > li:nth-of-type(3)")),
                got);
    }

    @Test
    void navigationAndNewsAreNotPeople() {
        String html = """
                <nav class="menu"><ul><li><a href="/cs">Computer Science</a></li><li><a href="/physics">Physics Department</a></li></ul></nav>
                <ul class="news">
                  <li><a href="/n/1">Professor Jane Doe wins the Turing Award</a> <time>2024-05-01</time></li>
                  <li><a href="/n/2">New building opens</a> <time>2024-04-01</time></li>
                </ul>""";
        assertEquals(List.of(), run(html, new PageContext("https://example.edu/", "Example U", null)));
    }

    @Test
    void nameAndEmailWithoutTitleTakeTheFacultySectionHeadingAsTitle() {
        String people = """
                <h2>Faculty</h2>
                <ul><li><b>John Roe</b> – <a href="mailto:jroe@example.edu">jroe@example.edu</a></li>
                    <li><b>Mary Major</b> – <a href="mailto:mmajor@example.edu">mmajor@example.edu</a></li></ul>""";
        List<ExtractedProfessor> got = run(people, new PageContext("https://example.edu/f", "Example U", "History"));
        assertEquals(List.of(new ExtractedProfessor("John Roe", "Faculty", "jroe@example.edu", "History", null, 0.7, "directory",
                "ul > li:nth-of-type(1)"), new ExtractedProfessor("Mary Major", "Faculty", "mmajor@example.edu", "History",
                null, 0.7, "directory", "ul > li:nth-of-type(2)")), got);
        assertEquals(List.of(), run(people.replace("Faculty", "Contacts"), new PageContext("https://example.edu/c", "Example U", null)));
    }

    @Test
    void aGridRowOfTwoCardsGivesTwoPeople() {
        String html = """
                <div class="view"><div class="row">
                  <div class="col"><h4><a href="/people/ada">Ada Byron</a></h4><h6>Associate Professor</h6></div>
                  <div class="col"><h4><a href="/people/alan">Alan Turner</a></h4><h6>Lecturer</h6></div>
                </div><div class="row">
                  <div class="col"><h4><a href="/people/kurt">Kurt Goedel</a></h4><h6>Professor</h6></div>
                  <div class="col"><h4><a href="/people/emmy">Emmy Noether</a></h4><h6>Assistant Professor</h6></div>
                </div></div>""";
        List<ExtractedProfessor> got = run(html, new PageContext("https://example.edu/f", "Example U", null));
        assertEquals(List.of("Ada Byron", "Alan Turner", "Kurt Goedel", "Emmy Noether"),
                got.stream().map(ExtractedProfessor::name).toList());
        assertEquals(List.of("Associate Professor", "Lecturer", "Professor", "Assistant Professor"),
                got.stream().map(ExtractedProfessor::title).toList());
    }

    @Test
    void alumniHoldingRanksElsewhereAreNotFacultyHere() {
        String html = """
                <h2>Faculty</h2><ul>
                  <li><a href="/ada">Ada Byron</a>, Professor</li><li><a href="/alan">Alan Turner</a>, Reader</li></ul>
                <h2>Alumni</h2><ul>
                  <li><a href="//kg.example.org">Kurt Goedel</a>, Assistant Professor at Another University</li>
                  <li><a href="//en.example.org">Emmy Noether</a>, Associate Professor at Elsewhere</li></ul>""";
        List<ExtractedProfessor> got = run(html, new PageContext("https://example.edu/group", "Example U", null));
        assertEquals(List.of("Ada Byron", "Alan Turner"), got.stream().map(ExtractedProfessor::name).toList());
    }

    @Test
    void germanDirectoryGroupedByRankWithStaffLeftOut() {
        String html = """
                <h2>Professorinnen und Professoren</h2>
                <div class="person"><a href="/p/schmidt">Prof. Dr. Anna Schmidt</a><p>Juniorprofessorin</p></div>
                <div class="person"><a href="/p/mueller">Prof. Dr. Jörg Müller</a><p>Lehrstuhlinhaber</p></div>
                <h2>Wissenschaftliche Mitarbeiter</h2>
                <div class="person"><a href="/p/weber">Lena Weber</a><p>Doktorandin</p></div>
                <div class="person"><a href="/p/koch">Tim Koch</a><p>Sekretariat</p></div>""";
        List<ExtractedProfessor> got = run(html, new PageContext("https://example.de/team", "Beispiel-Universität", null));
        assertEquals(List.of("Anna Schmidt", "Jörg Müller"), got.stream().map(ExtractedProfessor::name).toList());
        assertEquals(List.of("assistant_professor", "professor"),
                got.stream().map(r -> AcademicTitles.rankOf(r.title())).toList());
    }

    @Test
    void aBodyClassedAsNavigationIsStillThePage() {
        String html = """
                <body class="fixed-top-nav"><div class="grid">
                  <div class="card"><h3>Ada Byron</h3><p>Professor</p></div>
                  <div class="card"><h3>Alan Turner</h3><p>Lecturer</p></div></div></body>""";
        assertEquals(2, run(html, new PageContext("https://example.edu/f", "Example U", null)).size());
    }
}
