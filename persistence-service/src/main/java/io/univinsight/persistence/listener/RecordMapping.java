package io.univinsight.persistence.listener;

import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.univinsight.events.JsonSerde;

/** Turns a record into an event, or refuses it with a reason that names the record. */
final class RecordMapping {
    private static final Logger LOG = Logger.getLogger(RecordMapping.class);

    private RecordMapping() {
    }

    static <T> T map(ConsumerRecord<String, byte[]> record, JsonSerde<T> serde, Predicate<T> missingKeyFields) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        T event;
        try {
            event = serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            throw refuse(where, e.getMessage());
        }
        if (event == null) {
            throw refuse(where, "empty record");
        }
        if (missingKeyFields.test(event)) {
            throw refuse(where, "missing key fields");
        }
        try {
            UUID.fromString(taskIdOf(event));
        } catch (IllegalArgumentException e) {
            throw refuse(where, "task id is not a UUID");
        }
        return event;
    }

    private static String taskIdOf(Object event) {
        if (event instanceof io.univinsight.events.CrawlTask t) {
            return t.taskId();
        }
        if (event instanceof io.univinsight.events.TaskStatusChanged s) {
            return s.taskId();
        }
        if (event instanceof io.univinsight.events.CrawlResult r) {
            return r.taskId();
        }
        throw new IllegalArgumentException("unknown event " + event.getClass());
    }

    private static UnmappableRecordException refuse(String where, String reason) {
        LOG.errorf("refusing record %s: %s (sent to the dead-letter topic)", where, reason);
        return new UnmappableRecordException("record " + where + " refused: " + reason);
    }

    /** A record that can never be stored; the channel sends it to the dead-letter topic. */
    static final class UnmappableRecordException extends RuntimeException {
        UnmappableRecordException(String message) {
            super(message);
        }
    }
}
