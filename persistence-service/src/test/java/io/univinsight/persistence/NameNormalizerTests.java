package io.univinsight.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.univinsight.persistence.merge.NameNormalizer;

class NameNormalizerTests {
    @Test
    void orderCaseAccentsHonorificsAndHyphensDoNotMakeAnotherPerson() {
        String key = NameNormalizer.personKey("Min-jun Kim");
        assertEquals(key, NameNormalizer.personKey("KIM Minjun"));
        assertEquals(key, NameNormalizer.personKey("Prof. Kim, Min-Jun"));
        assertEquals(NameNormalizer.personKey("José Álvarez"), NameNormalizer.personKey("Jose  ALVAREZ"));
        assertNotEquals(key, NameNormalizer.personKey("Minsu Kim"));
        assertEquals(NameNormalizer.personKey("Seán O'Brien"), NameNormalizer.personKey("sean obrien"));
        assertEquals(NameNormalizer.personKey("Dr. Ana-María  Núñez"), NameNormalizer.personKey("NUNEZ, Anamaria"));
    }

    @Test
    void hangulNamesKeepTheirSyllables() {
        assertEquals("김민준", NameNormalizer.personKey("김민준"));
        assertEquals("김민준", NameNormalizer.personKey("김 민준"));
        assertEquals("김민준", NameNormalizer.personKey("민준 김"), "family name written last");
        assertEquals("김민준", NameNormalizer.personKey("김민준 교수"), "honorific");
        assertNotEquals(NameNormalizer.personKey("김민준"), NameNormalizer.personKey("이민준"));
    }

    @Test
    void titlesCompareWithoutCaseOrPunctuation() {
        assertEquals(NameNormalizer.titleKey("On Computable Numbers."), NameNormalizer.titleKey("on computable numbers"));
    }
}
