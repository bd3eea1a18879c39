package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-language data files read through the same questions the extractors ask. */
class RankVocabularyTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "副教授|associate_professor",
            "教授|professor",
            "助理教授|assistant_professor",
            "准教授|associate_professor",
            "特任助教|assistant_professor",
            "講師|lecturer",
            "Juniorprofessorin|assistant_professor",
            "Gastprofessor|visiting",
            "apl. Prof.|adjunct",
            "Maître de conférences|associate_professor",
            "Professeur émérite|emeritus",
            "Profesor Titular de Universidad|associate_professor",
            "Catedrático|professor",
            "Professore associato|associate_professor",
            "Ricercatrice a tempo determinato|assistant_professor",
            "Enseignant-chercheur|other"})
    void ranksOfOtherLanguages(String title, String rank) {
        assertEquals(rank, AcademicTitles.rankOf(title));
        AcademicTitles.Role role = AcademicTitles.classify(title);
        assertEquals(AcademicTitles.Kind.RANK, role.kind(), title);
    }

    @ParameterizedTest(name = "{0} is no faculty")
    @CsvSource({"博士研究生", "硕士生", "博士後", "技術職員", "ポスドク", "wissenschaftliche Mitarbeiterin", "Doktorand",
            "Doctorante", "Investigador predoctoral", "Assegnista di ricerca", "Dottorando"})
    void staffStudentsAndResearchersOfOtherLanguagesAreExcluded(String title) {
        assertEquals(AcademicTitles.Kind.EXCLUDED, AcademicTitles.classify(title).kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Professorenstraße 12", "Dozentenzimmer"})
    void latinTermsAreWholeWords(String line) {
        assertNull(RankVocabulary.find(line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"陈洪波 副教授|副教授", "Prof. Dr. Anna Schmidt, Juniorprofessorin|Juniorprofessorin"})
    void theLongestTermAtTheFirstPlaceWins(String line, String term) {
        assertEquals(term, RankVocabulary.find(line).text());
    }
}
