package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The anchored search replaces what replaceAll replaces, on random text made of the patterns' own pieces. */
class LeadingRunsTests {
    private static final String[] PIECES = {" ", ",", "  ", "and", "And", "&", "및", "a", "x", "Smith", "doi", "DOI", ".", ":", ";",
        "\n", "\u2028", "band", "andy", "_", "é"};

    @Test
    void sameAsReplaceAll() {
        Pattern authorAnd = Pattern.compile("\\s*,?\\s*(?:\\band\\b|&|및)\\s+");
        Pattern doiLabel = Pattern.compile("[\\s.,;:]*(?:DOI|doi)\\s*:?\\s*[.,;]?\\s*$");
        Random r = new Random(3);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(10); n > 0; n--) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String s = sb.toString();
            assertEquals(authorAnd.matcher(s).replaceAll(", "),
                    LeadingRuns.replaceAll(s, authorAnd, ", ", CharRuns.SPACE + ",", "and", "&", "및"), s);
            assertEquals(doiLabel.matcher(s).replaceAll(""),
                    LeadingRuns.replaceAll(s, doiLabel, "", CharRuns.SPACE + ".,;:", "DOI", "doi"), s);
        }
    }
}
