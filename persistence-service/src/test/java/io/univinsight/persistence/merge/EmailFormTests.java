package io.univinsight.persistence.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** professors.email_form: the newest form any sighting gave, in either merge order. */
class EmailFormTests {
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aLaterTextSightingKeepsThePictureFormAndMergingIsCommutative() {
        ProfessorRow pictured = professor(T, "image");
        ProfessorRow texted = professor(T.plusSeconds(60), null);
        assertEquals("image", pictured.mergedWith(texted).emailForm);
        assertEquals("image", texted.mergedWith(pictured).emailForm);
        assertEquals(null, texted.mergedWith(professor(T, null)).emailForm);
        assertEquals(true, pictured.mergedWith(texted).differsFrom(texted), "a new form is written");
    }

    private static ProfessorRow professor(Instant at, String form) {
        ProfessorRow r = SeenTimesTests.professor(at);
        r.email = Sighting.of("ada@u.example.edu", at);
        r.emailForm = form;
        return r;
    }
}
