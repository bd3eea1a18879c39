package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinkClassifierTests {
    private final LinkClassifier classifier = new LinkClassifier();

    private LinkKind kind(String text, String url) {
        return classifier.classify(text, url);
    }

    @Test
    void byAnchorText() {
        assertEquals(LinkKind.DIRECTORY, kind("교수진", "https://cse.example.ac.kr/sub/03.php"));
        assertEquals(LinkKind.DIRECTORY, kind("Faculty", "https://example.edu/dept/cs"));
        assertEquals(LinkKind.DIRECTORY, kind("Our People", "https://example.edu/x"));
        assertEquals(LinkKind.PUBLICATIONS, kind("논문", "https://cse.example.ac.kr/lab?id=4"));
        assertEquals(LinkKind.PUBLICATIONS, kind("Selected Publications", "https://example.edu/~ann/"));
        assertEquals(LinkKind.NEXT_PAGE, kind("Next ›", "https://example.edu/faculty/page-2.html"));
        assertEquals(LinkKind.NEXT_PAGE, kind("다음", "https://cse.example.ac.kr/board.php?page=3"));
        assertEquals(LinkKind.NEXT_PAGE, kind("»", "https://example.edu/people?start=20"));
        assertEquals(LinkKind.NEXT_PAGE, kind("2", "https://example.edu/people?page=2"));
        assertEquals(LinkKind.PROFILE, kind("View profile", "https://example.edu/x?id=12"));
        assertEquals(LinkKind.PROFILE, kind("Eleanor Whitfield", "https://example.edu/p/8812"));
        assertEquals(LinkKind.PROFILE, kind("김민준", "https://cse.example.ac.kr/member/view?id=3"));
    }

    @Test
    void byUrlShape() {
        assertEquals(LinkKind.PROFILE, kind("", "http://127.0.0.1:8090/cs/people/eleanor-whitfield.html"));
        assertEquals(LinkKind.PROFILE, kind("Home page", "https://example.edu/~jdoe/"));
        assertEquals(LinkKind.DIRECTORY, kind("Computer Science", "http://127.0.0.1:8090/cs/faculty/index.html"));
        assertEquals(LinkKind.DIRECTORY, kind("Physics", "http://127.0.0.1:8090/physics/people.html"));
        assertEquals(LinkKind.DIRECTORY, kind("컴퓨터공학과", "http://127.0.0.1:8090/ko/cse/professors.html"));
        assertEquals(LinkKind.PUBLICATIONS, kind("Research output", "https://example.edu/physics/publications.html"));
        assertEquals(LinkKind.PUBLICATIONS, kind("", "https://example.edu/physics/publications.html"));
        assertEquals(LinkKind.NEXT_PAGE, kind("", "https://example.edu/faculty/page/3/"));
    }

    @Test
    void everythingElse() {
        assertEquals(LinkKind.OTHER, kind("‹ Previous", "https://example.edu/faculty/index.html"));
        assertEquals(LinkKind.OTHER, kind("Email", "mailto:jdoe@example.edu"));
        assertEquals(LinkKind.OTHER, kind("10.1145/3548606", "https://doi.org/10.1145/3548606"));
        assertEquals(LinkKind.OTHER, kind("CV (PDF)", "https://example.edu/~jdoe/cv.pdf"));
        assertEquals(LinkKind.OTHER, kind("Admissions", "https://example.edu/admissions/"));
        assertEquals(LinkKind.OTHER, kind("Home", "https://example.edu/"));
    }
}
