package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Doe, Jane|Jane Doe",
            "Smith-Jones, Mary-Ann|Mary-Ann Smith-Jones",
            "Van Buren, Martin|Martin Van Buren",
            "Jane Doe, Ph.D.|Jane Doe",
            "Prof. em. Dr. Werner Schulte|Werner Schulte",
            "April Crockett|April Crockett",
            "June Huh|June Huh",
            "Xun (Steve) Jian|Xun Jian",
            "Prof. Dr.-Ing. Matthias Brandt|Matthias Brandt",
            "Jun.-Prof. Dr. Lea Hoffmann|Lea Hoffmann",
            "Dott.ssa Giulia Ricci|Giulia Ricci",
            "Dra. Lucía Navarro Gil|Lucía Navarro Gil"})
    void namesAsDirectoriesWriteThem(String text, String name) {
        assertEquals(name, PersonNames.extract(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Doe, PhD", "Computer Science, Department", "Machine Learning, Vision",
            "Theoretische Informatik", "Affiliated Philosophy"})
    void phrasesThatAreNoNames(String text) {
        assertNull(PersonNames.extract(text));
    }
}
