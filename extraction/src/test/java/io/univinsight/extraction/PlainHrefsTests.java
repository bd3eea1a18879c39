package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Where the shortcut answers, it answers what jsoup's abs:href does. */
class PlainHrefsTests {
    private static final List<String> BASES = List.of("https://bench.example.edu/cs/faculty/", "http://example.edu/a/b.html?x=1#top",
            "https://Example.EDU:8443/dir/", "https://user@example.edu/x/", "http://127.0.0.1:8080/", "https://[::1]/p/");

    @Test
    void sameAsJsoupOnWrittenCases() {
        List<String> hrefs = List.of("/cs/faculty/people/jane.html", "/", "/a?b=c#d", "/a#", "/./a", "/../a", "/a/./b", "/a/../b", "/a//b",
                "//cdn.example.org/x", "https://doi.org/10.1145/3290605.3300233", "https://doi.org", "https://doi.org/",
                "http://Example.org/x", "HTTPS://example.org/x", "https://example.org:443/x", "https://user@example.org/x",
                "https://example.org?q=1", "https://example.org/a b", "https://example.org/ä", "https://example.org/a\\b",
                "/a b", "/ä", "/a\tb", "https://xn--bcher-kva.example/x", "https://bücher.example/x", "https://example.org/%7Ejane/",
                "/%7Ejane/index.html", "/a;b=c", "/a:b", "https://example.org/a/.", "https://example.org/a/..", "/~jane/", "/a?x=//y",
                "people/jane.html", "?page=2", "#top", "mailto:jane@example.edu", "javascript:void(0)", " /a", "/a ");
        for (String base : BASES) {
            for (String href : hrefs) {
                check(base, href);
            }
        }
    }

    @Test
    void sameAsJsoupOnRandomHrefs() {
        Random r = new Random(16);
        String alphabet = "/.:?#%~-_aZ09@ \\äHhtps";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "/" : r.nextBoolean() ? "https://" : "http://ex.org");
            for (int n = r.nextInt(10); n > 0; n--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            check(BASES.get(r.nextInt(BASES.size())), sb.toString());
        }
    }

    @Test
    void sameAsJsoupOnEveryCorpusLink() throws IOException {
        for (Path page : CorpusPages.all()) {
            Document doc = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "https://example.edu/" + page.getFileName());
            for (Element a : doc.select("a[href]")) {
                check(doc.location(), a.attr("href"));
                check("https://bench.example.edu/cs/faculty/", a.attr("href"));
            }
        }
    }

    private static void check(String base, String href) {
        Element a = Jsoup.parse("<a>x</a>", base).selectFirst("a");
        assertNotNull(a);
        a.attr("href", href);
        URL url;
        try {
            url = new URL(base);
        } catch (java.net.MalformedURLException e) {
            return;
        }
        String fast = PlainHrefs.resolve(url, href);
        if (fast != null) {
            assertEquals(a.attr("abs:href"), fast, base + " + " + href);
        }
    }
}
