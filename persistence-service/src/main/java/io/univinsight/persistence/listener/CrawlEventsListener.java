package io.univinsight.persistence.listener;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.persistence.service.ResultWriter;
import io.univinsight.persistence.service.TaskStateWriter;
import io.univinsight.persistence.service.WriteRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Consumes the task, status and result topics. A record that cannot be mapped is refused
 * (the channel's failure strategy sends it to the dead-letter topic with the reason); a
 * database failure is retried until it succeeds, never skipped.
 */
@ApplicationScoped
public class CrawlEventsListener {
    private static final Logger LOG = Logger.getLogger(CrawlEventsListener.class);
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);
    private static final JsonSerde<TaskStatusChanged> STATUSES = new JsonSerde<>(TaskStatusChanged.class);
    private static final JsonSerde<CrawlResult> RESULTS = new JsonSerde<>(CrawlResult.class);

    @Inject
    TaskStateWriter tasks;
    @Inject
    ResultWriter results;
    @Inject
    WriteRetry retry;

    @Incoming("tasks")
    @Blocking
    public void onTask(ConsumerRecord<String, byte[]> record) {
        CrawlTask task = RecordMapping.map(record, TASKS, t -> t.taskId() == null || t.url() == null || t.priority() == null);
        retry.run("task " + task.taskId(), () -> tasks.applyTask(task));
    }

    @Incoming("task-status")
    @Blocking
    public void onStatus(ConsumerRecord<String, byte[]> record) {
        TaskStatusChanged event = RecordMapping.map(record, STATUSES, e -> e.taskId() == null || e.status() == null || e.at() == null);
        retry.run("status " + event.status() + " of task " + event.taskId(), () -> tasks.applyStatus(event));
    }

    @Incoming("results")
    @Blocking
    public void onResult(ConsumerRecord<String, byte[]> record) {
        CrawlResult result = RecordMapping.map(record, RESULTS, r -> r.taskId() == null || r.universityName() == null);
        retry.run("result of task " + result.taskId(), () -> results.apply(result));
        LOG.debugf("stored result of task %s", result.taskId());
    }
}
