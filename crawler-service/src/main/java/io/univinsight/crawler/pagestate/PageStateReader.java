package io.univinsight.crawler.pagestate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import io.univinsight.crawler.messaging.CompactedTopicTail;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.PageState;
import io.univinsight.events.Topics;

/**
 * Keeps the local {@link PageStateStore} up to date with the whole compacted page-state topic:
 * every partition assigned (no consumer group: every crawler needs every page), from the offsets
 * the store has applied (a restart resumes), else from the beginning. An unreadable record is
 * handed to the dead-letter callback and skipped; the reader never stops on one.
 */
public class PageStateReader implements Runnable {
    private static final Logger LOG = Logger.getLogger(PageStateReader.class);
    private static final JsonSerde<PageState> JSON = new JsonSerde<>(PageState.class);

    /** Where an unreadable record goes (the crawler's dead-letter topic). */
    @FunctionalInterface
    public interface DeadLetters {
        void send(ConsumerRecord<String, byte[]> record, String reason);
    }

    /** Bounded fetch buffers: reading a million pages at start must not cost the heap they would fill. */
    private static final Map<String, Object> BOUNDED_FETCHES = Map.of(
            ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 << 20,
            ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1 << 20,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);

    private final PageStateStore store;
    private final DeadLetters deadLetters;
    private final CompactedTopicTail tail;

    public PageStateReader(Map<String, Object> kafkaConfig, String topic, PageStateStore store, DeadLetters deadLetters) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.tail = new CompactedTopicTail("page-state", kafkaConfig, BOUNDED_FETCHES, topic, new CompactedTopicTail.Sink() {
            @Override
            public Long resumeAt(int partition) {
                Long last = store.offsets().get(partition); // a restart resumes after what the store applied
                return last == null ? null : last + 1;
            }

            @Override
            public void accept(ConsumerRecords<String, byte[]> records) {
                store.apply(updates(records));
            }
        });
    }

    public PageStateReader(Map<String, Object> kafkaConfig, PageStateStore store, DeadLetters deadLetters) {
        this(kafkaConfig, Topics.PAGE_STATE, store, deadLetters);
    }

    /** Waits until the topic has been read up to where it ended when reading started; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return tail.awaitCaughtUp(timeout);
    }

    @Override
    public void run() {
        tail.run();
    }

    public void stop() {
        tail.stop();
    }

    private List<PageStateStore.Update> updates(ConsumerRecords<String, byte[]> records) {
        List<PageStateStore.Update> out = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            if (alreadyHeld(r)) {
                // This crawler's own write coming back (it keeps each state the moment it writes it): the
                // store already holds these bytes, so reading and writing them again would change nothing.
                out.add(new PageStateStore.Update(r.partition(), r.offset(), null, null));
                continue;
            }
            String reason = unreadable(r);
            if (reason != null) {
                LOG.warnf("unreadable page state %s-%d@%d skipped: %s", r.topic(), r.partition(), r.offset(), reason);
                deadLetters.send(r, "unreadable page state: " + reason);
                out.add(new PageStateStore.Update(r.partition(), r.offset(), null, null));
            } else {
                out.add(new PageStateStore.Update(r.partition(), r.offset(), r.key(), r.value()));
            }
        }
        return out;
    }

    private boolean alreadyHeld(ConsumerRecord<String, byte[]> r) {
        return r.key() != null && !r.key().isEmpty() && r.value() != null && store.holds(r.key(), r.value());
    }

    /** Null when the record can be kept: a keyed tombstone, or a PageState whose url is its key. */
    static String unreadable(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null || r.key().isEmpty()) {
            return "no key";
        }
        if (r.value() == null) {
            return null;
        }
        try {
            PageState state = JSON.deserialize(r.topic(), r.value());
            return state != null && r.key().equals(state.url()) ? null : "its url is not its key";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }
}
