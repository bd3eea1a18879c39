package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

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

    /** The name's words are read without a regex split: the same address as the split picks, on written and random names. */
    @Test
    void namesSplitAsTheSeparatorPatternSplitsThem() {
        List<String> emails = List.of("webmaster@x.edu", "lee@x.edu", "mary-ann@x.edu", "o'neil@x.edu", "zoë@x.edu", "smi@x.edu",
                "annsmith@x.edu", "dr.jo@x.edu");
        String[] pieces = {"Ann", "ann", "Smith", "smi", "Lee", " ", "  ", ".", "'", "’", "-", "\t", "\u00a0", "Zoë", "O", "Neil",
                "Mary", "jo", "x", "\u3000", "ÅSA", "é"};
        List<String> names = new ArrayList<>(List.of("", "Anna Smith", "Mary-Ann O'Neil", "Zoë Lee", "Dr. Jo Smi", "ann\u00a0smith"));
        Random random = new Random(16);
        for (int i = 0; i < 30_000; i++) {
            names.add(RandomTexts.of(random, pieces, 8));
        }
        for (String name : names) {
            for (int from = 0; from < emails.size(); from++) {
                List<String> candidates = emails.subList(from, emails.size());
                assertEquals(bestBySplit(candidates, name), Emails.bestFor(candidates, name), name);
            }
        }
    }

    /** Emails.bestFor as it was written before: the name split by a regex, the list filtered by streams. */
    private static String bestBySplit(List<String> emails, String name) {
        List<String> personal = emails.stream().filter(e -> !Emails.isGeneric(e)).toList();
        if (personal.isEmpty()) {
            return null;
        }
        String[] tokens = Pattern.compile("[\\s.'’-]+").split(name.toLowerCase(Locale.ROOT));
        for (String email : personal) {
            String local = email.substring(0, email.indexOf('@'));
            for (String token : tokens) {
                if (token.length() >= 3 && token.chars().allMatch(c -> c < 128) && local.contains(token)) {
                    return email;
                }
            }
        }
        return personal.get(0);
    }
}
