package io.univinsight.crawler.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EmailReadingRuleTests {
    @Test
    void oneAddressOfThePagesDomainFamilyIsAccepted() {
        assertEquals("jane.doe@example.edu", EmailReadingRule.accept("jane.doe@example.edu", "www.example.edu"));
        assertEquals("jane.doe@cs.example.edu", EmailReadingRule.accept("jane.doe@cs.example.edu", "www.example.edu"), "a subdomain");
        assertEquals("k.sato@example.ac.jp", EmailReadingRule.accept("k.sato@example.ac.jp", "www.cs.example.ac.jp"), "a parent");
        assertEquals("m-li2@ee.example.edu", EmailReadingRule.accept("m-li2@ee.example.edu", "people.example.edu"));
        assertEquals("x_lin+lab@example.edu", EmailReadingRule.accept("x_lin+lab@example.edu", "example.edu"));
    }

    @Test
    void onlyNoiseThatCannotChangeTheMeaningIsRemoved() {
        assertEquals("jane.doe@example.edu", EmailReadingRule.accept("  jane.doe @ example.edu\n", "www.example.edu"));
        assertEquals("jane.doe@example.edu", EmailReadingRule.accept("Jane.Doe@Example.EDU.", "www.example.edu"));
        assertNull(EmailReadingRule.accept("jane.doe(at)example.edu", "www.example.edu"), "spelled-out signs are not guessed at");
        assertNull(EmailReadingRule.accept("jane.doe at example dot edu", "www.example.edu"));
    }

    @Test
    void anotherDomainOrALookAlikeIsRejected() {
        assertNull(EmailReadingRule.accept("jane.doe@example.com", "www.example.edu"));
        assertNull(EmailReadingRule.accept("jane.doe@examp1e.edu", "www.example.edu"), "a misread domain is another domain");
        assertNull(EmailReadingRule.accept("jane.doe@notexample.edu", "www.example.edu"));
        assertNull(EmailReadingRule.accept("jane.doe@example.edu.evil.com", "www.example.edu"));
        assertNull(EmailReadingRule.accept("jane@other.ac.uk", "www.example.ac.uk"), "ac.uk is a public suffix, not a family");
        assertNull(EmailReadingRule.accept("jane@example.edu", "127.0.0.1"), "an address host has no domain family");
        assertNull(EmailReadingRule.accept("jane@host.test", "other.test"), "an unlisted suffix: the host itself only");
        assertEquals("jane@dept.uni.test", EmailReadingRule.accept("jane@dept.uni.test", "uni.test"));
    }

    @Test
    void anythingButExactlyOneWellFormedAddressIsRejected() {
        for (String read : new String[] {"", "jane.doe", "@example.edu", "jane@@example.edu", "jane@doe@example.edu",
                "jane..doe@example.edu", ".jane@example.edu", "jane.@example.edu", "jane@example..edu", "jane@-x.example.edu",
                "jane@example.e", "jane@example.ed1", "jane,doe@example.edu", "jane doe@example.edu and more", "Email:jane@example.edu",
                "jane@example.edu;john@example.edu", "jäne@example.edu"}) {
            assertNull(EmailReadingRule.accept(read, "www.example.edu"), read);
        }
        assertNull(EmailReadingRule.accept(null, "www.example.edu"));
    }

    @Test
    void aFamilyOfSeveralHostsTakesAnAddressOfAnyOfThem() {
        java.util.Set<String> family = java.util.Set.of("127.0.0.1", "example.edu");
        assertEquals("jane.doe@cs.example.edu", EmailReadingRule.accept("jane.doe@cs.example.edu", family));
        assertEquals(null, EmailReadingRule.accept("jane.doe@gmail.com", family));
        assertEquals(null, EmailReadingRule.accept("jane.doe@example.edu", java.util.Set.of()), "no family, no address");
    }
}
