package io.univinsight.persistence.listener;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.univinsight.persistence.messaging.DeadLetters;
import io.univinsight.persistence.service.BatchWrites;
import io.univinsight.persistence.service.ResultsWriter;
import io.univinsight.persistence.service.TaskEventsWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Consumes the task, status and result topics in batches. Each batch: map every record (the
 * unmappable ones go to the dead-letter topic with the reason), write the events in one
 * transaction, retried while the database is down; the offsets are committed when this method
 * returns, so after the commit.
 */
@ApplicationScoped
public class CrawlEventsListener {
    private static final Logger LOG = Logger.getLogger(CrawlEventsListener.class);

    @Inject
    TaskEventsWriter tasks;
    @Inject
    ResultsWriter results;
    @Inject
    BatchWrites writes;
    @Inject
    DeadLetters deadLetters;

    @Incoming("tasks")
    @Blocking
    public void onTasks(ConsumerRecords<String, byte[]> records) {
        consume("tasks", records, RecordMapping::task, tasks::writeTasks);
    }

    @Incoming("task-status")
    @Blocking
    public void onStatuses(ConsumerRecords<String, byte[]> records) {
        consume("status events", records, RecordMapping::status, tasks::writeStatuses);
    }

    @Incoming("results")
    @Blocking
    public void onResults(ConsumerRecords<String, byte[]> records) {
        consume("results", records, RecordMapping::result, results::write);
    }

    private <T> void consume(String what, ConsumerRecords<String, byte[]> records,
                             Function<ConsumerRecord<String, byte[]>, RecordMapping.Mapped<T>> mapping, BatchWrites.Write<T> write) {
        List<T> events = new ArrayList<>(records.count());
        Map<T, ConsumerRecord<String, byte[]>> origin = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            RecordMapping.Mapped<T> mapped = mapping.apply(record);
            if (mapped.refusal() != null) {
                deadLetters.send(record, mapped.refusal());
            } else {
                events.add(mapped.event());
                origin.put(mapped.event(), record);
            }
        }
        for (BatchWrites.Refused<T> refused : writes.write(what, events, write)) {
            deadLetters.send(origin.get(refused.event()), "cannot be stored: " + refused.reason());
        }
        LOG.debugf("stored %d %s", events.size(), what);
    }
}
