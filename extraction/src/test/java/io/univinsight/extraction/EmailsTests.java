package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class EmailsTests {
    @Test
    void obfuscatedSpellings() {
        assertEquals(List.of("jdoe@cs.example.edu"), Emails.inText("Email: jdoe [at] cs [dot] example [dot] edu"));
        assertEquals(List.of("j.doe@example.edu"), Emails.inText("j.doe(at)example.edu"));
        assertEquals(List.of("kim@example.ac.kr"), Emails.inText("kim {at} example.ac.kr"));
        assertEquals(List.of("j.doe@example.edu"), Emails.inText("J.Doe AT Example DOT edu"));
        assertEquals(List.of("ksato@ling.example.edu"), Emails.inText("write to ksato at ling dot example dot edu"));
        assertEquals(List.of("lee@example.ac.kr"), Emails.inText("이메일: lee＠example.ac.kr"));
        assertEquals(List.of(), Emails.inText("Meet me at the lab, dot the i's."));
    }

    @Test
    void mailtoLinksAreDecodedLowerCasedAndListedFirst() {
        assertEquals("jane.doe@example.edu", Emails.fromMailto("mailto:Jane.Doe%40Example.edu?subject=Hello"));
        assertNull(Emails.fromMailto("https://example.edu/contact"));
        var doc = Jsoup.parse("<p>Contact b@example.edu or <a href='MAILTO:A@Example.edu'>write</a></p>");
        assertEquals(List.of("a@example.edu", "b@example.edu"), Emails.in(doc.body()));
    }

    @Test
    void picksThePersonalAddressMatchingTheName() {
        assertEquals("asmith@example.edu",
                Emails.bestFor(List.of("office@example.edu", "bjones@example.edu", "asmith@example.edu"), "Anna Smith"));
        assertNull(Emails.bestFor(List.of("info@example.edu"), "Anna Smith"));
    }
}
