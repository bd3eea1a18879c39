package io.univinsight.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
}
