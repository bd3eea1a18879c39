package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

/** EmailShape finds what Emails.EMAIL's own lookingAt() and find() find, on written and random texts. */
class EmailShapeTests {
    private static final String[] PIECES = {"@", "@", ".", ".", "..", "-", "_", "%", "+", " ", "a", "ab", "edu", "x1",
            "9", "42", "jane.doe", "cs", "uni-x", "Z", "é", "ü", "＠", "@@", ".-", "-.", "com", "c", "de.", "(at)", ",", "\n"};

    @Test
    void writtenTextsMatchAsByTheRegex() {
        for (String text : new String[] {"jane@uni.edu", "Jane.Doe@cs.uni.edu.", "x@a.b", "x@a.bc", "x@a.b1", "x@a.1bc",
                "x@a.bc.d", "x@a.bc.de-f", "x@a..edu", "x@.edu", "@uni.edu", "a@b@c.de", "a.b@c.de@f.gh",
                "mail: jane@uni.edu, joe@x.org", "a@b.c.d.e.f", "a@b.cd.e.f", "%+-@a-b.c-d.ef9", "jane@uni.éd", "", "@", "a@",
                "a@b", "a@b.", "one.two@three.four.five6.seven-8", "x@y.zz" + ".a".repeat(30)}) {
            assertSame(text);
        }
    }

    @Test
    void randomTextsMatchAsByTheRegex() {
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            String text = RandomTexts.of(random, PIECES, 16);
            assertSame(text);
        }
    }

    private static void assertSame(String text) {
        Matcher m = Emails.EMAIL.matcher(text);
        for (int start = 0; start <= text.length(); start++) {
            m.region(start, text.length());
            int expected = m.lookingAt() ? m.end() : -1;
            int from = start;
            assertEquals(expected, EmailShape.endAt(text, start), () -> "lookingAt in <" + text + "> from " + from);
        }
        List<int[]> expected = new ArrayList<>();
        m.reset();
        while (m.find()) {
            expected.add(new int[] {m.start(), m.end()});
        }
        List<int[]> found = new ArrayList<>();
        for (int[] f = EmailShape.find(text, 0); f != null; f = EmailShape.find(text, f[1])) {
            found.add(f);
        }
        assertEquals(expected.size(), found.size(), () -> "find in <" + text + ">");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), found.get(i), "find in <" + text + ">");
        }
    }
}
