package io.univinsight.crawler.pagestate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

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

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final PageStateStore store;
    private final DeadLetters deadLetters;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public PageStateReader(Map<String, Object> kafkaConfig, String topic, PageStateStore store, DeadLetters deadLetters) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.store = store;
        this.deadLetters = deadLetters;
    }

    public PageStateReader(Map<String, Object> kafkaConfig, PageStateStore store, DeadLetters deadLetters) {
        this(kafkaConfig, Topics.PAGE_STATE, store, deadLetters);
    }

    /** Waits until the topic has been read up to where it ended when reading started; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!caughtUp && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        return caughtUp;
    }

    @Override
    public void run() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "page-state-" + Long.toHexString(System.nanoTime()));
        // Bounded fetch buffers: reading a million pages at start must not cost the heap they would fill.
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 4 << 20);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1 << 20);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = assignAll(c);
            if (partitions == null) {
                return;
            }
            Map<TopicPartition, Long> ends = c.endOffsets(partitions);
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    store.apply(updates(records));
                }
                if (!caughtUp) {
                    caughtUp = partitions.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.error("page-state reader stopped; pages of other crawlers are fetched without validators", e);
        }
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private List<PageStateStore.Update> updates(ConsumerRecords<String, byte[]> records) {
        List<PageStateStore.Update> out = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
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

    /** Every partition of the topic from where the store stopped, waiting for the topic to exist; null when stopped first. */
    private List<TopicPartition> assignAll(KafkaConsumer<String, byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                c.assign(partitions);
                Map<Integer, Long> applied = store.offsets();
                for (TopicPartition tp : partitions) {
                    Long last = applied.get(tp.partition());
                    if (last == null) {
                        c.seekToBeginning(List.of(tp));
                    } else {
                        c.seek(tp, last + 1);
                    }
                }
                return partitions;
            }
            LOG.warnf("topic %s not found yet; pages are fetched without validators until it exists", topic);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }
}
