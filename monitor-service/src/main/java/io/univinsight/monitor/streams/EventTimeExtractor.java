package io.univinsight.monitor.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.univinsight.events.TaskStatusChanged;

/**
 * Event time for status events: the hour a task finished in is the hour of its event's "at",
 * not of when the record reached Kafka, so a late-delivered event still lands in its own hour.
 */
public class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof TaskStatusChanged event && event.at() != null) {
            return event.at().toEpochMilli();
        }
        return record.timestamp() >= 0 ? record.timestamp() : Math.max(0, partitionTime);
    }
}
