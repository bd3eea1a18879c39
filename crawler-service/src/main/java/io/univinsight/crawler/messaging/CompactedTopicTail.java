package io.univinsight.crawler.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads a whole compacted topic and keeps reading it, for state every crawler instance needs in
 * full (cancellations, page states): every partition assigned, no consumer group, nothing
 * committed. It waits for the topic to exist, starts each partition where the sink says (else at
 * the beginning), and says when it has read up to where the topic ended when it started.
 */
public final class CompactedTopicTail implements Runnable {
    private static final Logger LOG = Logger.getLogger(CompactedTopicTail.class);

    /** What the tail does with what it reads. */
    public interface Sink {
        /** The next offset to read in this partition, or null to read it from its beginning. */
        default Long resumeAt(int partition) {
            return null;
        }

        /** Called on the tail's thread; a sink never throws for one bad record (it skips it). */
        void accept(ConsumerRecords<String, byte[]> records);
    }

    private final String name;
    private final Map<String, Object> config;
    private final String topic;
    private final Sink sink;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /**
     * @param name what is read, for the client id and the log ("cancellations", "page-state")
     * @param overrides consumer settings of this reader (fetch sizes), over the crawler's Kafka config
     */
    public CompactedTopicTail(String name, Map<String, Object> kafkaConfig, Map<String, Object> overrides, String topic, Sink sink) {
        this.name = name;
        this.topic = topic;
        this.sink = sink;
        Map<String, Object> c = new HashMap<>(kafkaConfig);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + Long.toHexString(System.nanoTime()));
        c.putAll(overrides);
        this.config = c;
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
                    sink.accept(records);
                }
                if (!caughtUp) {
                    caughtUp = partitions.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s reader of %s stopped", name, topic);
        }
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Every partition of the topic, each from where the sink resumes, waiting for the topic to exist; null when stopped first. */
    private List<TopicPartition> assignAll(KafkaConsumer<String, byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                c.assign(partitions);
                for (TopicPartition tp : partitions) {
                    Long next = sink.resumeAt(tp.partition());
                    if (next == null) {
                        c.seekToBeginning(List.of(tp));
                    } else {
                        c.seek(tp, next);
                    }
                }
                return partitions;
            }
            LOG.warnf("topic %s not found yet; %s are not seen until it exists", topic, name);
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
