package io.univinsight.crawler.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.events.Topics;

/**
 * The ids of cancelled tasks, read from the whole compacted cancellation topic by every crawler
 * instance (all partitions assigned, no consumer group, from the beginning), kept in a bounded
 * set: the oldest ids are forgotten first, as their tasks have long run or been skipped.
 */
public class CancelledTasks implements Runnable {
    private static final Logger LOG = Logger.getLogger(CancelledTasks.class);
    private static final JsonSerde<TaskStatusChanged> STATUS = new JsonSerde<>(TaskStatusChanged.class);

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final Map<String, Boolean> ids;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public CancelledTasks(Map<String, Object> kafkaConfig, String topic, int capacity) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.ids = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public CancelledTasks(Map<String, Object> kafkaConfig, int capacity) {
        this(kafkaConfig, Topics.TASK_CANCELLATIONS, capacity);
    }

    public boolean isCancelled(String taskId) {
        synchronized (ids) {
            return ids.containsKey(taskId);
        }
    }

    public int size() {
        synchronized (ids) {
            return ids.size();
        }
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
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cancellations-" + Long.toHexString(System.nanoTime()));
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = assignAll(c);
            if (partitions == null) {
                return;
            }
            Map<TopicPartition, Long> ends = c.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                if (!caughtUp) {
                    caughtUp = partitions.stream().allMatch(tp -> c.position(tp) >= ends.get(tp));
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.error("cancellation reader stopped; cancelled tasks may run", e);
        }
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    /** Every partition of the topic, waiting for it to exist; null when stopped first. */
    private List<TopicPartition> assignAll(KafkaConsumer<String, byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = new ArrayList<>();
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                c.assign(partitions);
                c.seekToBeginning(partitions);
                return partitions;
            }
            LOG.warnf("topic %s not found yet; cancellations are not seen until it exists", topic);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        if (r.key() == null) {
            return;
        }
        if (r.value() == null) {
            synchronized (ids) {
                ids.remove(r.key()); // a tombstone: the cancellation was withdrawn or compacted away
            }
            return;
        }
        try {
            TaskStatusChanged event = STATUS.deserialize(r.topic(), r.value());
            if (event != null && event.status() == TaskStatus.CANCELLED) {
                synchronized (ids) {
                    ids.put(r.key(), Boolean.TRUE);
                }
            }
        } catch (RuntimeException e) {
            // Not ours to dead-letter (task-api owns the topic); ignoring it only means no skip.
            LOG.warnf("unreadable cancellation %s-%d@%d skipped: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }
}
