package io.univinsight.crawler.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private final Map<String, Boolean> ids;
    private final CompactedTopicTail tail;

    public CancelledTasks(Map<String, Object> kafkaConfig, String topic, int capacity) {
        this.tail = new CompactedTopicTail("cancellations", kafkaConfig, Map.of(), topic, records -> records.forEach(this::apply));
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
        return tail.awaitCaughtUp(timeout);
    }

    @Override
    public void run() {
        tail.run();
    }

    public void stop() {
        tail.stop();
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
