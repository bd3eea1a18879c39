package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AcademicTitlesTests {
    @Test
    void ranksAreRecognisedAndNormalised() {
        assertEquals("Associate Professor", AcademicTitles.rank("associate professor of Physics"));
        assertEquals("Professor Emeritus", AcademicTitles.rank("Professor Emeritus"));
        assertEquals("Adjunct Professor", AcademicTitles.rank("Adjunct Professor, School of Law"));
        assertEquals("Teaching Professor", AcademicTitles.rank("Teaching Professor"));
        assertEquals("Senior Lecturer", AcademicTitles.rank("Senior Lecturer"));
        assertEquals("Instructor", AcademicTitles.rank("Instructor"));
        assertEquals("Reader", AcademicTitles.rank("Reader in Mathematics"));
        assertEquals("Assistant Professor", AcademicTitles.rank("Asst. Prof."));
        assertEquals("부교수", AcademicTitles.rank("컴퓨터공학과 부교수"));
        assertEquals("조교수", AcademicTitles.rank("조교수"));
        assertEquals("석좌교수", AcademicTitles.rank("석좌교수"));
        assertEquals("겸임교수", AcademicTitles.rank("겸임교수"));
        assertEquals("강사", AcademicTitles.rank("강사"));
    }

    @Test
    void staffStudentsAndPostdocsAreNotRanks() {
        assertNull(AcademicTitles.rank("Administrative Assistant"));
        assertNull(AcademicTitles.rank("PhD Student (advisor: Professor Lee)"));
        assertNull(AcademicTitles.rank("Postdoctoral Research Fellow"));
        assertNull(AcademicTitles.rank("Research Associate"));
        assertNull(AcademicTitles.rank("Lab Manager"));
        assertNull(AcademicTitles.rank("박사과정"));
        assertNull(AcademicTitles.rank("학과 조교"));
        assertNull(AcademicTitles.rank("행정실 직원"));
        assertNull(AcademicTitles.rank("교수진"));
        assertEquals(AcademicTitles.Kind.EXCLUDED, AcademicTitles.classify("PhD Student").kind());
    }

    @Test
    void namesAreRecognisedStrictly() {
        assertEquals("Jane Q. Smith", PersonNames.extract("Prof. Jane Q. Smith, Ph.D."));
        assertEquals("Ludwig van Beethoven", PersonNames.extract("Ludwig van Beethoven"));
        assertEquals("Mei-Lin Tao", PersonNames.extract("Dr. Mei-Lin Tao"));
        assertEquals("김민준", PersonNames.extract("김민준 교수"));
        assertEquals("남궁민", PersonNames.extract("남궁민"));
        assertNull(PersonNames.extract("Computer Science"));
        assertNull(PersonNames.extract("Academic Departments"));
        assertNull(PersonNames.extract("ACM Fellow"));
        assertNull(PersonNames.extract("이메일"));
        assertNull(PersonNames.extract("연구분야"));
        assertNull(PersonNames.extract("Fast Byzantine Consensus for Geo-Replicated Databases"));
    }
}
