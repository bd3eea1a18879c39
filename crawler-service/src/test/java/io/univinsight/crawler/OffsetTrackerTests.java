package io.univinsight.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.univinsight.crawler.messaging.OffsetTracker;

class OffsetTrackerTests {
    private final TopicPartition tp = new TopicPartition("crawl.tasks.normal", 0);

    @Test
    void commitsOnlyUpToTheLowestUnfinishedRecord() {
        OffsetTracker tracker = new OffsetTracker();
        for (long o = 10; o <= 14; o++) {
            tracker.received(tp, o);
        }
        tracker.finished(tp, 11);
        tracker.finished(tp, 13);
        assertEquals(10, tracker.committable().get(tp).offset());
        tracker.finished(tp, 10);
        assertEquals(12, tracker.committable().get(tp).offset());
        tracker.finished(tp, 12);
        tracker.finished(tp, 14);
        var all = tracker.committable();
        assertEquals(15, all.get(tp).offset());
        tracker.markCommitted(all);
        assertTrue(tracker.committable().isEmpty(), "nothing new to commit");
    }
}
