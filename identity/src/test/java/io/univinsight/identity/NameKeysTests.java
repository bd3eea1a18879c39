package io.univinsight.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;


class NameKeysTests {
    @Test
    void orderCaseAccentsHonorificsAndHyphensDoNotMakeAnotherPerson() {
        String key = NameKeys.personKey("Min-jun Kim");
        assertEquals(key, NameKeys.personKey("KIM Minjun"));
        assertEquals(key, NameKeys.personKey("Prof. Kim, Min-Jun"));
        assertEquals(NameKeys.personKey("José Álvarez"), NameKeys.personKey("Jose  ALVAREZ"));
        assertNotEquals(key, NameKeys.personKey("Minsu Kim"));
        assertEquals(NameKeys.personKey("Seán O'Brien"), NameKeys.personKey("sean obrien"));
        assertEquals(NameKeys.personKey("Dr. Ana-María  Núñez"), NameKeys.personKey("NUNEZ, Anamaria"));
    }

    @Test
    void hangulNamesKeepTheirSyllables() {
        assertEquals("김민준", NameKeys.personKey("김민준"));
        assertEquals("김민준", NameKeys.personKey("김 민준"));
        assertEquals("김민준", NameKeys.personKey("민준 김"), "family name written last");
        assertEquals("김민준", NameKeys.personKey("김민준 교수"), "honorific");
        assertNotEquals(NameKeys.personKey("김민준"), NameKeys.personKey("이민준"));
    }

    @Test
    void titlesCompareWithoutCaseOrPunctuation() {
        assertEquals(NameKeys.titleKey("On Computable Numbers."), NameKeys.titleKey("on computable numbers"));
    }

    @Test
    void aTitleKeyIsItsFoldedLetterAndDigitRunsJoinedBySpaces() {
        // The reference: split into runs of Character.isLetterOrDigit, joined by one space.
        String alphabet = "aZ9 .,-'\t\n\u00a0éÉßİı김민ğ١٢\u3000\u200b\ud83d\ude00Ω";
        Random random = new Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder title = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                title.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = title.toString();
            assertEquals(byTokens(NameKeys.fold(t)), NameKeys.titleKey(t), () -> "title: " + t);
        }
        assertEquals("on computable numbers", NameKeys.titleKey("  On  Computable Numbers. "));
        assertEquals("", NameKeys.titleKey(null));
    }

    private static String byTokens(String folded) {
        List<String> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (char c : folded.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                run.append(c);
            } else if (run.length() > 0) {
                runs.add(run.toString());
                run.setLength(0);
            }
        }
        if (run.length() > 0) {
            runs.add(run.toString());
        }
        return String.join(" ", runs);
    }
}
