package io.univinsight.crawler.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tasks finish out of order; a partition's offset may only be committed up to its lowest
 * unfinished record, so a crash redelivers exactly the unfinished ones (and some finished
 * ones after them, which the idempotent consumers absorb).
 */
public class OffsetTracker {
    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> highestSeen = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    public void received(TopicPartition tp, long offset) {
        pending.computeIfAbsent(tp, k -> new TreeSet<>()).add(offset);
        highestSeen.merge(tp, offset, Math::max);
    }

    public void finished(TopicPartition tp, long offset) {
        TreeSet<Long> set = pending.get(tp);
        if (set != null) {
            set.remove(offset);
        }
    }

    /** Offsets to commit now: for each partition, the next record not yet finished. Only changes are returned. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (var entry : highestSeen.entrySet()) {
            TopicPartition tp = entry.getKey();
            TreeSet<Long> set = pending.get(tp);
            long next = set == null || set.isEmpty() ? entry.getValue() + 1 : set.first();
            Long last = committed.get(tp);
            if (last == null || last < next) {
                result.put(tp, new OffsetAndMetadata(next));
            }
        }
        return result;
    }

    public void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((tp, o) -> committed.merge(tp, o.offset(), Math::max));
    }

    /** Forgets a partition this consumer no longer owns. */
    public void forget(TopicPartition tp) {
        pending.remove(tp);
        highestSeen.remove(tp);
        committed.remove(tp);
    }

    public int unfinished() {
        return pending.values().stream().mapToInt(TreeSet::size).sum();
    }
}
