package io.univinsight.crawler.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TextEmailDomainsTests {

    @Test
    void mailtoLinksAndPeoplesTextEmailsGiveTheirDomains() {
        var page = Jsoup.parse("<p><a href=\"mailto:office@Math.Example.edu?subject=Hi\">write</a>"
                + "<a href=\"mailto:\">empty</a><a href=\"/x\">x</a></p>");
        assertEquals(Set.of("math.example.edu", "example.ac.jp"), TextEmailDomains.of(page, List.of("k.sato@example.ac.jp")));
    }

    @Test
    void aPageWithoutTextAddressesHasNone() {
        assertEquals(Set.of(), TextEmailDomains.of(Jsoup.parse("<p>Email: <img src=a.png></p>"), List.of()));
    }
}
