package io.univinsight.crawler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.RenderMode;

/** Why a task found nobody, from what its pages looked like and what the browser did. */
class EmptyReasonTests {

    @Test
    void aTaskThatFoundSomeoneGivesNoReason() {
        assertNull(SiteCrawl.emptyReason(1, 3, RenderMode.AUTO, tally(0, 1)));
    }

    @Test
    void aTimeoutOutweighsEverythingElse() {
        assertEquals(CrawlResult.EMPTY_RENDER_TIMEOUT, SiteCrawl.emptyReason(0, 1, RenderMode.AUTO, tally(2, 1)));
    }

    @Test
    void renderedPagesThatListNobody() {
        assertEquals(CrawlResult.EMPTY_NO_PEOPLE_RENDERED, SiteCrawl.emptyReason(0, 1, RenderMode.ALWAYS, tally(2, 0)));
    }

    @Test
    void aScriptBuiltPageNotRenderedSaysWhetherTheTaskOrTheCrawlerRefused() {
        assertEquals(CrawlResult.EMPTY_RENDER_DISABLED, SiteCrawl.emptyReason(0, 1, RenderMode.NEVER, tally(0, 0)));
        assertEquals(CrawlResult.EMPTY_RENDER_NEEDED, SiteCrawl.emptyReason(0, 1, RenderMode.AUTO, tally(0, 0)));
    }

    @Test
    void nothingScriptBuiltAndNothingRenderedIsNoPeopleFound() {
        assertEquals(CrawlResult.EMPTY_NO_PEOPLE_FOUND, SiteCrawl.emptyReason(0, 0, RenderMode.AUTO, tally(0, 0)));
    }

    private static SiteCrawl.RenderTally tally(int pages, int timeouts) {
        SiteCrawl.RenderTally t = new SiteCrawl.RenderTally();
        t.pages = pages;
        t.timeouts = timeouts;
        return t;
    }
}
