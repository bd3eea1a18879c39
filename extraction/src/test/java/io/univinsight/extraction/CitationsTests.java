package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** One citation per style the publication lists of the corpus use, parsed into its fields. */
class CitationsTests {
    private static ExtractedPaper parse(String html) {
        Element li = Jsoup.parse("<ul><li>" + html + "</li></ul>", "https://u.example/pubs").selectFirst("li");
        return Citations.parse(li, "publications");
    }

    @Test
    void apaAuthorsThenYearInParentheses() {
        ExtractedPaper p = parse("Kim, M., &amp; Lee, S. (2021). Learning to rank faculty pages. "
                + "<i>Journal of Web Mining</i>, 12(3), 45-67. https://doi.org/10.1234/jwm.2021.045.");
        assertEquals("Learning to rank faculty pages", p.title());
        assertEquals(List.of("Kim, M.", "Lee, S."), p.authors());
        assertEquals(2021, p.year());
        assertEquals("10.1234/jwm.2021.045", p.doi());
    }

    @Test
    void ieeeQuotedTitle() {
        ExtractedPaper p = parse("A. Smith, B. Jones and C. Lee, “Robust crawling of university sites,” "
                + "in Proc. WWW, 2019, pp. 1-10.");
        assertEquals("Robust crawling of university sites", p.title());
        assertEquals(List.of("A. Smith", "B. Jones", "C. Lee"), p.authors());
        assertEquals(2019, p.year());
    }

    @Test
    void gbT7714WithItsTypeMark() {
        ExtractedPaper p = parse("陈洪波, 王小明. 基于深度学习的图像分割方法[J]. 计算机学报, 2020, 43(5): 1-12.");
        assertEquals("基于深度学习的图像分割方法", p.title());
        assertEquals(List.of("陈洪波", "王小明"), p.authors());
        assertEquals(2020, p.year());
    }

    @Test
    void aDoiLinkGivesTheDoi() {
        ExtractedPaper p = parse("Jane Roe. A study of things. Nature, 2018. <a href=\"https://doi.org/10.1038/S41586-018-0001-X\">DOI</a>");
        assertEquals("10.1038/s41586-018-0001-x", p.doi(), "DOIs are case-insensitive: kept in lower case");
    }

    @Test
    void aShortLineIsNoCitation() {
        assertNull(parse("Home page"));
    }

    @Test
    void doiWithoutTrailingPunctuation() {
        assertEquals("10.1145/3366423.3380211", Citations.doi("see doi:10.1145/3366423.3380211)."));
        assertNull(Citations.doi("no identifier here"));
    }

    @Test
    void plausiblePublicationYearsOnly() {
        assertEquals(2024, Citations.year("accepted, 2024"));
        assertNull(Citations.year("room 1870, tel. 3141"));
        assertNull(Citations.year("ISBN 978-3-16-148410-0"));
    }

    @Test
    void authorListsInSeveralConventions() {
        assertEquals(List.of("A. Smith", "B. Jones", "C. Lee"), Citations.splitAuthors("A. Smith, B. Jones and C. Lee"));
        assertEquals(List.of("Smith, A.", "Jones, B."), Citations.splitAuthors("Smith, A.; Jones, B."));
        assertEquals(List.of("김민준", "이서연"), Citations.splitAuthors("김민준, 이서연"));
        assertEquals(List.of("A. Smith", "B. Jones"), Citations.splitAuthors("A. Smith, B. Jones, et al."));
    }

    @Test
    void initialsAreToldAsTheRegexTellsThem() {
        java.util.Random r = new java.util.Random(3);
        String some = "AJZaz. -\t\nÉé\u00a0\uD835\uDC00"; // the last two chars: MATHEMATICAL BOLD CAPITAL A, a capital outside the BMP
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(8); n > 0; n--) {
                sb.append(some.charAt(r.nextInt(some.length())));
            }
            String s = sb.toString();
            assertEquals(Citations.INITIALS.matcher(s).matches(), Citations.areInitials(s), s);
        }
    }
}
