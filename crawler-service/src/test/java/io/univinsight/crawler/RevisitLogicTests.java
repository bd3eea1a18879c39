package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.univinsight.crawler.fetch.ConditionalRequest;
import io.univinsight.crawler.fetch.FetchedPage;
import io.univinsight.crawler.service.CacheVerdict;
import io.univinsight.crawler.service.Departures;
import io.univinsight.crawler.service.PageKind;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.PageState;

/** The pure logic of a revisit: which validators are sent, what counts as a hit, who departed. */
class RevisitLogicTests {
    private static final byte[] BODY = "<html>same</html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void validatorsBecomeConditionalHeadersOnlyWhenKnownAndSafe() {
        assertEquals(Map.of(), ConditionalRequest.headersFor(null));
        assertEquals(Map.of("If-None-Match", "\"abc\"", "If-Modified-Since", "Mon, 05 Jan 2026 00:00:00 GMT"),
                ConditionalRequest.headersFor(state("\"abc\"", "Mon, 05 Jan 2026 00:00:00 GMT", "x", PageKind.PROFILE, List.of())));
        assertEquals(Map.of("If-Modified-Since", "Mon, 05 Jan 2026 00:00:00 GMT"),
                ConditionalRequest.headersFor(state(null, "Mon, 05 Jan 2026 00:00:00 GMT", "x", PageKind.PROFILE, List.of())));
        assertEquals(Map.of("If-None-Match", "\"abc\""), ConditionalRequest.headersFor(state("\"abc\"", " ", "x", PageKind.PROFILE, List.of())));
        // A stored value with a line break is never echoed into a request.
        assertEquals(Map.of(), ConditionalRequest.headersFor(state("\"a\"\r\nX-Evil: 1", null, "x", PageKind.PROFILE, List.of())));
    }

    @Test
    void a304OrTheSameBodyIsAHitAndAnythingElseIsExtracted() {
        String sha = CacheVerdict.sha256(BODY);
        PageState previous = state("\"e\"", null, sha, PageKind.PROFILE, List.of());
        FetchedPage notModified = page(304, new byte[0]);
        FetchedPage same = page(200, BODY);
        FetchedPage changed = page(200, "<html>changed</html>".getBytes(StandardCharsets.UTF_8));

        assertEquals(CacheVerdict.NOT_MODIFIED, CacheVerdict.of(previous, notModified, null));
        assertEquals(CacheVerdict.SAME_BODY, CacheVerdict.of(previous, same, CacheVerdict.sha256(same.body())));
        assertEquals(CacheVerdict.CHANGED, CacheVerdict.of(previous, changed, CacheVerdict.sha256(changed.body())));
        assertEquals(CacheVerdict.NEW, CacheVerdict.of(null, same, sha));
        assertEquals(CacheVerdict.UNUSABLE, CacheVerdict.of(null, notModified, null));
        assertTrue(CacheVerdict.NOT_MODIFIED.isHit() && CacheVerdict.SAME_BODY.isHit());
        assertFalse(CacheVerdict.CHANGED.isHit() || CacheVerdict.NEW.isHit() || CacheVerdict.UNUSABLE.isHit());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CacheVerdict.sha256(new byte[0]));
    }

    @Test
    void whoADirectoryNoLongerListsDepartsUnlessFoundElsewhereOrNamedDifferently() {
        CrawlResult.Professor kim = professor("Min Kim", "kim@u.edu");
        CrawlResult.Professor lee = professor("Ji Lee", "lee@u.edu");
        CrawlResult.Professor park = professor("Su Park", null);
        CrawlResult.Professor choi = professor("Ha Choi", "choi@u.edu");
        PageState before = state("\"e\"", null, "old", PageKind.DIRECTORY, List.of(kim, lee, park, choi));

        Departures departures = new Departures();
        // Now: Kim unchanged, Lee listed with an upper-case email, Park now with an email (same name), Choi gone.
        departures.compare(before, PageKind.DIRECTORY, true,
                List.of(kim, professor("Ji Lee", "LEE@u.edu"), professor("Su Park", "park@u.edu")));
        assertEquals(List.of(choi), departures.departed(List.of(kim)));
        // Choi found on another page of the same task (by email, under another spelling of the name): not departed.
        assertEquals(List.of(), departures.departed(List.of(professor("Choi Ha", "Choi@U.edu"))));
    }

    @Test
    void onlyAFullyReadDirectoryThatIsStillADirectoryTellsDepartures() {
        CrawlResult.Professor kim = professor("Min Kim", "kim@u.edu");
        CrawlResult.Professor lee = professor("Ji Lee", "lee@u.edu");
        PageState directory = state("\"e\"", null, "old", PageKind.DIRECTORY, List.of(kim, lee));
        PageState profile = state("\"e\"", null, "old", PageKind.PROFILE, List.of(kim));

        Departures cut = new Departures();
        cut.compare(directory, PageKind.DIRECTORY, false, List.of(kim));
        assertEquals(List.of(), cut.departed(List.of()), "a body cut at the size limit tells nothing");
        Departures broken = new Departures();
        broken.compare(directory, PageKind.OTHER, true, List.of());
        assertEquals(List.of(), broken.departed(List.of()), "a page that is no directory any more tells nothing");
        Departures wasProfile = new Departures();
        wasProfile.compare(profile, PageKind.PROFILE, true, List.of(lee));
        assertEquals(List.of(), wasProfile.departed(List.of()), "a profile page is not a listing");
        Departures first = new Departures();
        first.compare(null, PageKind.DIRECTORY, true, List.of(kim));
        assertEquals(List.of(), first.departed(List.of()), "a first visit has nobody to lose");
    }

    private static CrawlResult.Professor professor(String name, String email) {
        return new CrawlResult.Professor(name, "Professor", email, "CS", null, 0.9);
    }

    private static PageState state(String etag, String lastModified, String sha, String kind, List<CrawlResult.Professor> people) {
        return new PageState(PageState.SCHEMA_VERSION, "http://u.edu/p", etag, lastModified, sha, 100, Instant.EPOCH, kind,
                List.of(), people, List.of());
    }

    private static FetchedPage page(int status, byte[] body) {
        return new FetchedPage("http://u.edu/p", "http://u.edu/p", status, "text/html", "utf-8", body, 1, "\"e\"", null, false);
    }
}
