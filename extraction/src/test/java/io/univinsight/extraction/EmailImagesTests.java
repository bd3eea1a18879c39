package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class EmailImagesTests {
    private static final PageContext CTX = new PageContext("https://cs.example.edu/people/index.html", "Example U", "CS");

    private static Element record(String html) {
        Document doc = Jsoup.parse("<html><body><div id=r>" + html + "</div></body></html>", CTX.url());
        return doc.getElementById("r");
    }

    @Test
    void anImageAfterAnEmailLabelInAnyLanguageIsTheAddress() {
        for (String label : List.of("Email:", "E-mail：", "E-Mail", "邮箱：", "メール:", "電子郵件：", "이메일 :", "Email address")) {
            assertEquals("https://cs.example.edu/people/img/p1.png",
                    EmailImages.in(record("<p>Professor</p><p><b>" + label + "</b> <img src=\"img/p1.png\"></p>")), label);
        }
    }

    @Test
    void anImageInTheCellAfterAnEmailLabelCellIsTheAddress() {
        assertEquals("https://cs.example.edu/x/17.gif", EmailImages.in(record(
                "<table><tr><th>Phone</th><td>555</td></tr><tr><th>E-mail</th><td><img src=\"/x/17.gif\"></td></tr></table>")));
    }

    @Test
    void anImageWhoseFileAltOrTitleSaysMailIsTheAddress() {
        assertEquals("https://cs.example.edu/i/jdoe_email.png", EmailImages.in(record("<img src=\"/i/jdoe_email.png\">")));
        assertEquals("https://cs.example.edu/i/mail.png?id=3", EmailImages.in(record("<img src=\"/i/mail.png?id=3\">")));
        assertEquals("https://cs.example.edu/i/a.png", EmailImages.in(record("<img src=\"/i/a.png\" alt=\"E-mail address\">")));
        assertEquals("https://cs.example.edu/i/b.png", EmailImages.in(record("<img src=\"/i/b.png\" title=\"邮箱\">")));
    }

    @Test
    void photosAtSignsMailtoIconsAndFarLabelsAreNot() {
        assertNull(EmailImages.in(record("<img src=\"/photos/jdoe.jpg\" alt=\"Jane Doe\"><p>Professor</p>")));
        assertNull(EmailImages.in(record("jdoe<img src=\"/i/at.gif\" alt=\"at\">example.edu")), "an @ sign inside a text address");
        assertNull(EmailImages.in(record("<a href=\"mailto:j@example.edu\"><img src=\"/i/email.png\"></a>")));
        assertNull(EmailImages.in(record("<p>Email: see the office</p><p><img src=\"/photos/jdoe.jpg\"></p>")),
                "the text before the image is a sentence, not a label");
        assertNull(EmailImages.in(record("<img src=\"/i/gmail-logo.png\">")));
        assertNull(EmailImages.in(record("<img src=\"data:image/png;base64,AAAA\" alt=\"photo\">")));
    }

    @Test
    void anImageInPageChromeIsNot() {
        assertNull(EmailImages.in(record("<nav><img src=\"/i/email.png\"></nav>")));
    }

    @Test
    void aDirectoryCardWithoutTextEmailCarriesItsEmailImage() {
        String html = """
                <html><body><h1>Faculty</h1><ul>
                <li><h3>Jane Doe</h3><p>Associate Professor</p><p>Email: <img src="/img/e1.png"></p></li>
                <li><h3>John Roe</h3><p>Professor</p><p>Email: <a href="mailto:jroe@example.edu">jroe@example.edu</a></p></li>
                </ul></body></html>""";
        List<ExtractedProfessor> got = new DirectoryExtractor().extract(Jsoup.parse(html, CTX.url()), CTX).professors();
        assertEquals(2, got.size());
        assertNull(got.get(0).email());
        assertEquals("https://cs.example.edu/img/e1.png", got.get(0).emailImageUrl());
        assertEquals("jroe@example.edu", got.get(1).email());
        assertNull(got.get(1).emailImageUrl(), "a text email needs no picture");
    }

    @Test
    void aProfilePageWithoutTextEmailCarriesItsEmailImage() {
        String html = """
                <html><body><nav><img src="/i/mail-icon.png"></nav>
                <div class="header"><h1>Jane Doe</h1><p>Associate Professor</p>
                <p>Office: 4.12</p><p>メール： <img src="/people/jdoe/addr.png"></p></div>
                </body></html>""";
        List<ExtractedProfessor> got = new ProfileExtractor().extract(Jsoup.parse(html, CTX.url()), CTX).professors();
        assertEquals(1, got.size());
        assertEquals("https://cs.example.edu/people/jdoe/addr.png", got.get(0).emailImageUrl());
    }

    @Test
    void aMergedRecordWithATextEmailDropsTheImage() {
        ExtractedProfessor pictured = new ExtractedProfessor("Jane Doe", "Professor", null, null, null, 0.9, "directory", "li",
                "https://cs.example.edu/img/e1.png");
        ExtractedProfessor texted = new ExtractedProfessor("Jane Doe", "Professor", "jdoe@example.edu", null, null, 0.7, "profile", "h1");
        assertNull(RecordMerger.mergeProfessors(List.of(pictured, texted)).get(0).emailImageUrl());
        assertEquals("https://cs.example.edu/img/e1.png", RecordMerger.mergeProfessors(List.of(pictured)).get(0).emailImageUrl());
    }
}
