package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Emails.inText, read in the pieces EmailPieces finds, finds what the whole-text reading finds, on written and random texts. */
class PiecewiseEmailsTests {
    /** Address characters, every obfuscation's words and brackets, spaces of all kinds, the piece breaks, and others. */
    private static final String[] PIECES = {"jane", "doe", "uni", "edu", "de", "x", "a", "t", "d", "o", "7", "_", "-", ".",
            "%", "+", "@", "＠", "．", "at", "AT", "At", "dot", "DOT", "punto", "punkt", "point", "arroba", "chiocciola",
            "rroba", "hiocciola", "ARROBA", "Chiocciola", "aT", "[", "]", "(", ")", "{", "}", "<", ">", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u0001",
            ",", ";", ":", "\"", "'", "!", "?", "|", "/", "=", "“", "”", "‘", "’", "·", "•", "é", "\u0301", "中", "ß", "#"};

    @Test
    void writtenTextsReadAsWhole() {
        for (String text : new String[] {"Email: jane [at] uni [dot] edu, Office: 12", "jane.doe@uni.edu, bob@uni.edu",
                "\"jane@uni.edu\"; 'bob at uni dot edu'", "jane AT uni DOT edu, x AT y", ", AT uni DOT edu",
                "contact: jane(at)uni(dot)edu / bob(arroba)uni.es", "jane@uni.edu,jane@uni.edu", "a,b,c", "", ",,,",
                "mail: jane＠uni．edu", "x,.jane at uni dot edu", "é,jane at uni dot edu", "\u0001, jane [at] uni.edu ,",
                "Research interests include distributed systems, databases and machine learning. Email p3 [at] d5 [dot] demo [dot] edu."}) {
            assertSame(text);
        }
    }

    @Test
    void randomTextsReadAsWhole() {
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            String text = RandomTexts.of(random, PIECES, 24);
            assertSame(text);
        }
    }

    @Test
    void randomTextsWithAddressesReadAsWhole() {
        Random random = new Random(18);
        String[] spelled = {"jane@uni.edu", "jane [at] uni [dot] edu", "jane(at)uni.edu", "jane AT uni DOT edu",
                "jane at uni dot edu", "j.d-7@x.uni.de", "jane { arroba } uni . es"};
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                text.append(random.nextInt(3) == 0 ? spelled[random.nextInt(spelled.length)] : PIECES[random.nextInt(PIECES.length)]);
            }
            found += assertSame(text.toString()).size();
        }
        assertEquals(true, found > 10_000, "the texts hold addresses: " + found);
    }

    private static List<String> assertSame(String text) {
        List<String> whole = Emails.inWholeText(text);
        assertEquals(whole, Emails.inText(text), () -> "text <" + text + ">");
        return whole;
    }
}
