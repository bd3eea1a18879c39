package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Emails.replaceBracketed gives what the patterns' own replaceAll gives, on written and random texts. */
class BracketedSpellingsTests {
    private static final String[] PIECES = {"[", "(", "{", "<", "]", ")", "}", ">", " ", "  ", "\t", "\n", "\u00a0",
            "at", "AT", "At", "@", "dot", "DOT", ".", "punto", "punkt", "point", "arroba", "chiocciola", "jane", "uni",
            "edu", "x", "a", "t", "d", "o"};

    @Test
    void writtenSpellingsAreReplacedAsByTheRegex() {
        for (String text : new String[] {"jane [at] uni [dot] edu", "jane(at)uni(dot)edu", "jane { AT } uni {.} edu",
                "jane <at> uni <punkt> de", "[at]", " [at] ", "[[at]]", "((at) (at))", "jane [at ] x [ at] y",
                "a [b] c (at", "no brackets at all", "", "   ", "[ \t at \n ]  [dot]", "x  (arroba)  y [chiocciola] z"}) {
            assertSame(text);
        }
    }

    @Test
    void randomTextsAreReplacedAsByTheRegex() {
        Random random = new Random(16);
        for (int i = 0; i < 50_000; i++) {
            String text = RandomTexts.of(random, PIECES, 14);
            assertSame(text);
        }
    }

    private static void assertSame(String text) {
        for (Pattern p : new Pattern[] {Emails.BRACKET_AT, Emails.BRACKET_DOT}) {
            String replacement = p == Emails.BRACKET_AT ? "@" : ".";
            assertEquals(p.matcher(text).replaceAll(replacement), Emails.replaceBracketed(p, text, replacement),
                    () -> "text <" + text + "> pattern " + p);
        }
    }
}
