package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Text's ASCII-only case folding, which the word guards (GuardedPattern, publication classes) search in. */
class TextCaseTests {
    private static final String[] PIECES = {"A", "Z", "a", "z", "@", "[", "`", "{", "Ä", "ä", "İ", "ß", "Σ", "Ｐ", "Pub", "PAPER", " ", "논문"};

    @Test
    void lowersOnlyAsciiCapitals() {
        assertEquals("selected publications – ä ß İ ｐ", Text.asciiLowerCase("Selected PUBLICATIONS – ä ß İ ｐ"));
        String noCapitals = "only lower-case, 123 and ÄÖ";
        assertSame(noCapitals, Text.asciiLowerCase(noCapitals), "nothing to lower: no copy");
    }

    @Test
    void findsAWordAsACaseBlindSearchForItDoes() {
        String[] words = {"pub", "paper", "논문", "z@", "a"};
        Random random = new Random(7);
        for (int i = 0; i < 30_000; i++) {
            String s = RandomTexts.of(random, PIECES, 10);
            for (String word : words) {
                boolean expected = Text.containsIgnoreAsciiCase(s, word);
                assertEquals(expected, Text.containsAnyIgnoreAsciiCase(s, word), () -> word + " in " + s);
                assertEquals(expected, Text.asciiLowerCase(s).contains(word));
            }
        }
    }
}
