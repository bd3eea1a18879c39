package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** Each kind of QuotedTitles finds what its own pattern's find() finds, on written and random texts. */
class QuotedTitlesTests {
    private static final String[] PIECES = {"“", "”", "\"", "„", "«", "»", "「", "」", "『", "』", "‘", "’", " ", ",", ".",
            "a", "ab", "Deep learning", "中文", "😀", "\ud83d", "\n", "x".repeat(199), "y".repeat(390)};

    @Test
    void writtenCitationsAreReadAsByThePatterns() {
        int quoted = 0;
        for (String text : new String[] {"J. Doe, “Deep Nets,” in Proc. X, 2020.", "J. Doe, \"Deep Nets\", 2020", "„Tiefe Netze“ 2020",
                "« Réseaux profonds » 2020", "「深層学習」2020", "『深層学習』2020", "J. Doe, ‘Deep nets for all’, 2020",
                "“abc” then “abcd”", "\"ab\" \"abcd\"", "“" + "z".repeat(401) + "” “fits”", "no quotes at all", "", "“", "”“abcd”",
                "“😀😀😀😀”", "“😀😀😀”", "“a\nbcd”"}) {
            quoted += assertSame(text);
        }
        assertTrue(quoted >= 12, "texts with a quote: " + quoted);
    }

    @Test
    void randomTextsAreReadAsByThePatterns() {
        Random random = new Random(7);
        int quoted = 0;
        for (int i = 0; i < 50_000; i++) {
            quoted += assertSame(RandomTexts.of(random, PIECES, 12));
        }
        assertTrue(quoted > 2_000, "texts with a quote: " + quoted);
    }

    /** The number of kinds that found a quote. */
    private static int assertSame(String text) {
        int found = 0;
        for (QuotedTitles.Quote q : QuotedTitles.QUOTES) {
            Matcher m = q.pattern().matcher(text);
            int[] expected = m.find() ? new int[] {m.start(1), m.end(1)} : null;
            assertArrayEquals(expected, q.find(text), () -> "text <" + text + "> pattern " + q.pattern());
            found += expected == null ? 0 : 1;
        }
        return found;
    }
}
