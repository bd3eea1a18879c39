package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The scans give what the regexes they stand for give, line breaks and all. */
class CharRunsTests {
    private static final String SOME = "ab. ,;:\"“”‘’'「」『』–—-*†¹\t\n\r\u2028\u2029\u0085x";

    @Test
    void sameAsTheRegexes() {
        Random r = new Random(1);
        List<String> sets = List.of(CharRuns.SPACE + ",.;:\"”’'」』", CharRuns.SPACE + ",:;–—-", ".,;", "*†‡§¹²³⁴⁵⁶⁷⁸⁹");
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(8); n > 0; n--) {
                sb.append(SOME.charAt(r.nextInt(SOME.length())));
            }
            String s = sb.toString();
            for (String set : sets) {
                String cls = "[" + Pattern.quote(set).replace("\\Q", "").replace("\\E", "").replace("]", "\\]").replace("-", "\\-") + "]+";
                Pattern trailing = Pattern.compile(cls + "$");
                assertEquals(trailing.matcher(s).replaceAll(""), CharRuns.dropTrailing(s, set, trailing), set + " / " + s);
                assertEquals(Pattern.compile("^" + cls).matcher(s).replaceAll(""), CharRuns.dropLeading(s, set), set + " / " + s);
            }
        }
    }

    @Test
    void splitsAroundSeparatorsAsTheRegexDoes() {
        Random r = new Random(2);
        String some = "ab ,;，·、.\t\n\r\u2028\u00a0";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(12); n > 0; n--) {
                sb.append(some.charAt(r.nextInt(some.length())));
            }
            String s = sb.toString();
            for (String separators : List.of(";", ",，·、")) {
                Pattern regex = Pattern.compile("\\s*[" + separators + "]\\s*");
                assertEquals(List.of(regex.split(s)), List.of(CharRuns.splitAround(s, separators)), separators + " / " + s);
            }
        }
    }
}
