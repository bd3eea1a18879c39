package io.univinsight.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PaperIdentityTests {
    @Test
    void resolverPrefixesAndCaseDoNotMakeAnotherDoi() {
        assertEquals("10.1/x", PaperIdentity.doi("https://doi.org/10.1/X"));
        assertEquals("10.1/x", PaperIdentity.doi("doi:10.1/x"));
        assertEquals("10.1/x", PaperIdentity.doi(" http://dx.doi.org/10.1/X "));
        assertNull(PaperIdentity.doi(" "));
    }

    @Test
    void withoutDoiTitleAndYearAreThePaper() {
        assertEquals(PaperIdentity.key(null, "On Computable Numbers.", 1936), PaperIdentity.key("", "on computable numbers", 1936));
        assertNotEquals(PaperIdentity.key(null, "On Computable Numbers", 1936), PaperIdentity.key(null, "On Computable Numbers", 1937));
        assertEquals("d:10.1/x", PaperIdentity.key("10.1/X", "Anything", null));
    }

    @Test
    void onOnePageTheTitleMatchesUnlessTheDoisDiffer() {
        RecordIdentity a = PaperIdentity.identity(null, "Deep Nets, Revisited");
        assertTrue(a.matches(PaperIdentity.identity("10.1/a", "deep nets revisited")));
        assertFalse(PaperIdentity.identity("10.1/a", "Same").matches(PaperIdentity.identity("10.1/b", "Same")));
    }
}
