package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class StorableTextTests {

    @Test
    void ordinaryTextOfAnyScriptIsStorable() {
        assertNull(StorableText.problem("서울대학교 컴퓨터공학부"));
        assertNull(StorableText.problem("Université de Montréal 🎓", true));
        assertNull(StorableText.problem("\u202Eevil\u200B"), "bidi and zero-width characters are text; they are stored as such");
        assertNull(StorableText.problem("line\nbreak"), "not strict: newlines in a search are fine");
    }

    @Test
    void nulSurrogatesAndControlsAreNamed() {
        assertEquals("must not contain NUL characters", StorableText.problem("a\u0000b"));
        assertEquals("must not contain unpaired UTF-16 surrogates", StorableText.problem("x\uD800"));
        assertEquals("must not contain unpaired UTF-16 surrogates", StorableText.problem("\uDC00x"));
        assertEquals("must not contain control characters", StorableText.problem("CS\u0007", true));
        assertEquals("must not contain control characters", StorableText.problem("two\nlines", true));
    }
}
