package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankNamesTests {
    @Test
    void appointmentKindWinsOverGrade() {
        assertEquals("adjunct", AcademicTitles.rankOf("Adjunct Associate Professor"));
        assertEquals("research", AcademicTitles.rankOf("Research Assistant Professor"));
        assertEquals("emeritus", AcademicTitles.rankOf("Professor Emeritus"));
        assertEquals("teaching", AcademicTitles.rankOf("Professor of Practice"));
        assertEquals("visiting", AcademicTitles.rankOf("Visiting Assistant Professor"));
    }

    @Test
    void gradesEnglishAndKorean() {
        assertEquals("associate_professor", AcademicTitles.rankOf("Associate Chair; Associate Professor"));
        assertEquals("assistant_professor", AcademicTitles.rankOf("Asst. Prof."));
        assertEquals("professor", AcademicTitles.rankOf("정교수/학부장"));
        assertEquals("associate_professor", AcademicTitles.rankOf("부교수"));
        assertEquals("assistant_professor", AcademicTitles.rankOf("조교수"));
        assertEquals("emeritus", AcademicTitles.rankOf("명예교수"));
        assertEquals("research", AcademicTitles.rankOf("연구교수"));
        assertEquals("adjunct", AcademicTitles.rankOf("겸임교수"));
        assertEquals("visiting", AcademicTitles.rankOf("초빙교수"));
        assertEquals("visiting", AcademicTitles.rankOf("객원교수"));
        assertEquals("teaching", AcademicTitles.rankOf("강의전담교수"));
        assertEquals("lecturer", AcademicTitles.rankOf("Senior Lecturer"));
    }

    @Test
    void nonFacultyRolesAreNamedAndNotFaculty() {
        assertEquals("postdoc", AcademicTitles.rankOf("Postdoctoral Research Fellow"));
        assertEquals("student", AcademicTitles.rankOf("PhD Student"));
        assertEquals("staff", AcademicTitles.rankOf("Administrative Assistant"));
        assertFalse(AcademicTitles.isFacultyRank("postdoc"));
        assertTrue(AcademicTitles.isFacultyRank("emeritus"));
        assertNull(AcademicTitles.rankOf(null));
    }
}
