package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Text.clean, which Citations counts on giving clean text back as it is, and the length test that spares cleaning. */
class TextCleanTests {
    private static final String PIECES = "ab Z.\u00a0\u3000\t\n\r\f\u000B\u0001,é ";

    @Test
    void collapsesEveryKindOfSpaceAndTrims() {
        assertEquals("A. Smith, B. Jones", Text.clean(" \u00a0A.\t Smith,\n\u3000B.  Jones \r\n"));
        assertEquals("", Text.clean(null));
    }

    @Test
    void cleaningCleanTextGivesItBack() {
        Random random = new Random(10);
        for (int round = 0; round < 20000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(120); i > 0; i--) { // long ones too: past the short-string walk
                s.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
            String once = Text.clean(s.toString());
            assertEquals(once, Text.clean(once), "cleaning [" + s + "] twice");
        }
    }

    @Test
    void cleanLongerThanIsTheCleanTextsLength() {
        Random random = new Random(11);
        for (int round = 0; round < 20000; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(120); i > 0; i--) {
                s.append(PIECES.charAt(random.nextInt(PIECES.length())));
            }
            int max = random.nextInt(80);
            assertEquals(Text.clean(s.toString()).length() > max, Text.cleanLongerThan(s.toString(), max),
                    "[" + s + "] cleaned longer than " + max);
        }
    }
}
