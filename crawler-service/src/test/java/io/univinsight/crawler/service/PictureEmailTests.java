package io.univinsight.crawler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.univinsight.crawler.ocr.EmailImageReader;
import io.univinsight.events.CrawlResult;

class PictureEmailTests {
    private static final CrawlResult.Professor UNREAD = new CrawlResult.Professor("Jane Doe", "Professor", null, "CS", null, 0.7);

    @Test
    void anAcceptedReadingGivesTheEmailMarkedAsAnImage() {
        CrawlResult.Professor read = SiteCrawl.withPictureEmail(UNREAD,
                new EmailImageReader.Reading("jdoe@example.edu", EmailImageReader.Reading.ACCEPTED, "read 2 times"));
        assertEquals("jdoe@example.edu", read.email());
        assertEquals(CrawlResult.Professor.EMAIL_FORM_IMAGE, read.emailForm());
        assertSame(UNREAD, SiteCrawl.withPictureEmail(UNREAD, new EmailImageReader.Reading(null, EmailImageReader.Reading.REJECTED, "x")));
    }

    @Test
    void mergingKeepsTheFormOfTheEmailItKeeps() {
        CrawlResult.Professor pictured = new CrawlResult.Professor("Jane Doe", null, "jdoe@example.edu", null, null, 0.8,
                CrawlResult.Professor.EMAIL_FORM_IMAGE);
        CrawlResult.Professor texted = new CrawlResult.Professor("Jane Doe", "Professor", "jane.doe@example.edu", null, null, 0.9);
        assertEquals(CrawlResult.Professor.EMAIL_FORM_IMAGE, SiteCrawl.mergeProfessor(UNREAD, pictured).emailForm());
        assertEquals(CrawlResult.Professor.EMAIL_FORM_IMAGE, SiteCrawl.mergeProfessor(pictured, UNREAD).emailForm());
        assertNull(SiteCrawl.mergeProfessor(texted, pictured).emailForm(), "the text email is kept, and its form");
        assertEquals("Professor", SiteCrawl.mergeProfessor(pictured, texted).title());
    }
}
