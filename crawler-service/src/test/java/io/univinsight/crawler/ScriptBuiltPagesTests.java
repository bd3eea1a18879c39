package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.univinsight.crawler.service.ScriptBuiltPages;

/** Which record-less pages look built in the browser, on pages written as such sites write them. */
class ScriptBuiltPagesTests {
    private static boolean scripted(String html) {
        return ScriptBuiltPages.looksScriptBuilt(Jsoup.parse(html, "https://uni.example.edu/"));
    }

    @Test
    void anEmptyPeopleListFilledByAScriptIsScriptBuilt() {
        assertTrue(scripted("<title>Faculty</title><div class='faculty-grid'></div>"
                + "<script>$.getJSON('/api/faculty', function (d) { draw(d); });</script>"));
        assertTrue(scripted("<title>教员名录</title><h1>师资队伍</h1><table><tbody id='t1'></tbody></table>"
                + "<script>var x = new XMLHttpRequest(); x.open('GET', 'teachers.json');</script>"));
    }

    @Test
    void anApplicationShellWithAnEmptyRootIsScriptBuilt() {
        assertTrue(scripted("<title>Department</title><body><div id='root'></div><script src='/static/js/main.4f2a.js'></script></body>"));
    }

    @Test
    void pagesWithoutAnEmptyContainerOrWithoutScriptsAreNot() {
        assertFalse(scripted("<title>News</title><h1>News</h1><p>The department opened a new lab this week.</p>"
                + "<script src='/analytics.js'></script>"), "content and a script, nothing left empty");
        assertFalse(scripted("<title>Faculty</title><ul class='faculty'></ul>"), "an empty list but no script to fill it");
        assertFalse(scripted("<title>Contact</title><div id='root'><p>" + "Address and phone numbers. ".repeat(20) + "</p></div>"
                + "<div id='app'></div><script src='/app.js'></script>"), "an empty root on a page with its text in the HTML");
    }

    /** The demo university's Chemistry directory (a script fills it from people.json) is; its other directories are not. */
    @Test
    void theDemoSitesScriptBuiltDirectoryIsRecognisedAndItsStaticOnesAreNot() throws Exception {
        assertTrue(scripted(demoPage("chem/people/index.html")));
        for (String page : List.of("cs/faculty/index.html", "physics/people.html", "ko/cse/professors.html", "math/faculty.html")) {
            assertFalse(scripted(demoPage(page)), page);
        }
    }

    private static String demoPage(String path) throws IOException {
        try (InputStream in = ScriptBuiltPagesTests.class.getClassLoader().getResourceAsStream("demo-site/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
