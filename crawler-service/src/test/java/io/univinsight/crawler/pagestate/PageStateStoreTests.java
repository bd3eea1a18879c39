package io.univinsight.crawler.pagestate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.univinsight.events.JsonSerde;
import io.univinsight.events.PageState;

/** The RocksDB store: states and the offsets applied survive a reopen; a tombstone forgets. */
class PageStateStoreTests {
    private static final JsonSerde<PageState> JSON = new JsonSerde<>(PageState.class);

    @TempDir
    Path dir;

    @Test
    void statesAndOffsetsSurviveAReopenAndATombstoneForgets() {
        PageState a = state("http://u.edu/a", "\"1\"");
        PageState b = state("http://u.edu/b", "\"2\"");
        try (PageStateStore store = PageStateStore.open(dir)) {
            store.apply(List.of(new PageStateStore.Update(0, 41, a.url(), JSON.serialize("t", a)),
                    new PageStateStore.Update(2, 7, b.url(), JSON.serialize("t", b)),
                    new PageStateStore.Update(2, 8, null, null))); // an unreadable record: only its offset moves
            store.put(state("http://u.edu/c", "\"3\""));
        }
        try (PageStateStore store = PageStateStore.open(dir)) {
            assertEquals("\"1\"", store.find("http://u.edu/a").orElseThrow().etag());
            assertEquals("\"3\"", store.find("http://u.edu/c").orElseThrow().etag());
            assertEquals(Map.of(0, 41L, 2, 8L), store.offsets());
            store.apply(List.of(new PageStateStore.Update(2, 9, b.url(), null)));
            assertTrue(store.find(b.url()).isEmpty());
            assertTrue(store.find("http://u.edu/never").isEmpty());
            assertEquals(9L, store.offsets().get(2));
        }
    }

    @Test
    void aRecordWhoseKeyIsNotItsUrlOrThatIsNoPageStateIsUnreadable() {
        PageState a = state("http://u.edu/a", "\"1\"");
        assertEquals(null, PageStateReader.unreadable(record("http://u.edu/a", JSON.serialize("t", a))));
        assertEquals(null, PageStateReader.unreadable(record("http://u.edu/a", null)));
        assertTrue(PageStateReader.unreadable(record("http://u.edu/other", JSON.serialize("t", a))) != null);
        assertTrue(PageStateReader.unreadable(record("http://u.edu/a", "{not json".getBytes(StandardCharsets.UTF_8))) != null);
        assertTrue(PageStateReader.unreadable(record(null, JSON.serialize("t", a))) != null);
    }

    @Test
    void theStoreHoldsExactlyTheBytesItKeptForAUrl() {
        PageState a = state("http://u.edu/a", "\"1\"");
        try (PageStateStore store = PageStateStore.open(dir)) {
            assertFalse(store.holds(a.url(), JSON.serialize("t", a)), "nothing kept yet");
            store.put(a);
            assertTrue(store.holds(a.url(), JSON.serialize("t", a)), "a crawler's own write read back");
            assertFalse(store.holds(a.url(), JSON.serialize("t", state(a.url(), "\"2\""))), "another state of the page");
            assertFalse(store.holds("http://u.edu/b", JSON.serialize("t", a)), "the same bytes under another url");
        }
    }

    private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new org.apache.kafka.clients.consumer.ConsumerRecord<>("crawl.page-state", 0, 1, key, value);
    }

    static PageState state(String url, String etag) {
        return new PageState(PageState.SCHEMA_VERSION, url, etag, null, "sha", 10, Instant.EPOCH, "profile", List.of(), List.of(), List.of());
    }
}
