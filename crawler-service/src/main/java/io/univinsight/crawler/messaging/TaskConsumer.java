package io.univinsight.crawler.messaging;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.univinsight.crawler.scope.CrawlScope;
import io.univinsight.crawler.scope.UrlNormalizer;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.Topics;

/**
 * The crawler's one consumer thread. It buffers tasks per priority and starts the
 * highest-priority one whose server is free (FIFO within a priority), pausing lower-priority
 * topics while a higher one has work waiting. Retries wait here until their not-before time;
 * cancelled tasks are skipped. Tasks run on a worker pool; offsets are committed only up to
 * the lowest unfinished record of each partition.
 */
public class TaskConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(TaskConsumer.class);
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TaskSource source;
    private final TaskHandler runner;
    private final EventPublisher events;
    private final CancelledTasks cancelled;
    private final Duration shutdownGrace;
    private final ExecutorService workers;
    private final OffsetTracker offsets = new OffsetTracker();
    private final DispatchQueue<Pending> queue;
    private final ConcurrentLinkedQueue<Pending> finished = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pending> handedBack = new ConcurrentLinkedQueue<>();
    private volatile boolean active = true;
    private volatile boolean abandon;
    private volatile boolean polling;
    private Instant lastCommit = Instant.now();

    /** A task record with what dispatch needs: its task, its priority and the server it loads. */
    private record Pending(ConsumerRecord<String, byte[]> record, CrawlTask task, Priority priority, String server) {
    }

    public TaskConsumer(Map<String, Object> kafkaConfig, TaskSource source, String workerId, TaskHandler runner, EventPublisher events,
                        CancelledTasks cancelled, int concurrency, int tasksPerServer, Duration shutdownGrace) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, source.groupId());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, workerId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, Topics.TASK_OFFSET_RESET);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(10, concurrency));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.source = source;
        this.runner = runner;
        this.events = events;
        this.cancelled = cancelled;
        this.shutdownGrace = shutdownGrace;
        this.queue = new DispatchQueue<>(Pending::priority, Pending::server, p -> p.task().notBefore(), concurrency, tasksPerServer);
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "crawl-worker");
            t.setDaemon(true);
            return t;
        });
    }

    public boolean isPolling() {
        return polling;
    }

    @Override
    public void run() {
        consumer.subscribe(source.topics(), new Rebalance());
        try {
            while (active) {
                settleFinished();
                queue.releaseDue(Instant.now());
                dispatch();
                adjustPauses();
                polling = true;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record);
                }
                commitIfDue(false);
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // stop() or halt()
        } catch (RuntimeException e) {
            LOG.error("task consumer stopped by an unexpected error", e);
        } finally {
            polling = false;
            if (!abandon) {
                drainInFlight(shutdownGrace);
            }
            consumer.close(Duration.ofSeconds(10));
            workers.shutdownNow();
        }
    }

    /** Stops taking work; in-flight tasks get the grace period, the rest is handed back (redelivered, uncommitted). */
    public void stop() {
        active = false;
        consumer.wakeup();
    }

    /**
     * Stops at once without finishing or committing anything, as a killed process would: every
     * unfinished record is redelivered to the group. For crash tests and fatal errors.
     */
    public void halt() {
        abandon = true;
        stop();
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        offsets.received(partition(record), record.offset());
        Pending pending = parse(record);
        if (pending == null) {
            return;
        }
        if (record.topic().equals(source.retryTopic())) {
            queue.addDelayed(pending); // waits for its not-before time
        } else {
            queue.add(pending);
        }
    }

    /** Starts tasks while slots are free, in the order the dispatch queue decides. */
    private void dispatch() {
        Pending next;
        while ((next = queue.next()) != null) {
            Pending started = next;
            if (cancelled != null && cancelled.isCancelled(started.task().taskId())) {
                workers.submit(() -> skipCancelled(started));
            } else {
                workers.submit(() -> execute(started));
            }
        }
    }

    private void execute(Pending p) {
        try {
            runner.run(p.task(), p.record().key() == null ? p.server() : p.record().key());
            finished.add(p);
        } catch (EventPublisher.PublishException e) {
            LOG.warnf("task %s not reported (%s); it will run again", p.task().taskId(), e.getMessage());
            handedBack.add(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handedBack.add(p);
        } catch (RuntimeException e) {
            LOG.errorf(e, "task %s crashed; it will run again", p.task().taskId());
            handedBack.add(p);
        }
    }

    private void skipCancelled(Pending p) {
        try {
            runner.cancelled(p.task());
            finished.add(p);
        } catch (EventPublisher.PublishException | RuntimeException e) {
            LOG.warnf("cancellation of %s not reported (%s); it will be seen again", p.task().taskId(), e.getMessage());
            handedBack.add(p);
        }
    }

    /** Applies finished and handed-back tasks (on this thread: the consumer is single-threaded). */
    private void settleFinished() {
        Pending p;
        while ((p = finished.poll()) != null) {
            queue.finished(p);
            offsets.finished(partition(p.record()), p.record().offset());
        }
        while ((p = handedBack.poll()) != null) {
            if (active) {
                queue.handBack(p);
            } else {
                queue.finished(p);
            }
        }
    }

    /** Pauses a priority topic while its own buffer is full or a higher priority has work waiting. */
    private void adjustPauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        Set<Priority> paused = queue.prioritiesToPause();
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (Priority p : Priority.values()) {
            String topic = source.priorityTopics().get(p);
            for (TopicPartition tp : assigned) {
                if (tp.topic().equals(topic)) {
                    (paused.contains(p) ? pause : resume).add(tp);
                }
            }
        }
        for (TopicPartition tp : assigned) {
            if (tp.topic().equals(source.retryTopic())) {
                (queue.retriesFull() ? pause : resume).add(tp);
            }
        }
        consumer.pause(pause);
        consumer.resume(resume);
    }

    /** The task in a record, or null after sending an unreadable record to the DLQ (never blocking the partition). */
    private Pending parse(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            CrawlTask task = TASKS.deserialize(record.topic(), record.value());
            if (task == null || task.taskId() == null || task.url() == null || task.priority() == null || task.maxPages() < 1) {
                throw new IllegalArgumentException("missing taskId, url, priority or maxPages");
            }
            Priority topicPriority = source.priorityOf(record.topic());
            return new Pending(record, task, topicPriority != null ? topicPriority : task.priority(), serverOf(task, record));
        } catch (RuntimeException e) {
            LOG.errorf("record %s is not a valid task (%s); sent to the dead-letter topic", where, e.getMessage());
            try {
                events.deadLetter(record, "unparseable task: " + e.getMessage());
                offsets.finished(partition(record), record.offset());
            } catch (EventPublisher.PublishException pe) {
                LOG.errorf("cannot dead-letter %s (%s); it stays uncommitted and will be seen again", where, pe.getMessage());
            }
            return null;
        }
    }

    /**
     * The server (host:port) a task loads, from its URL rather than the record key: politeness is
     * per server, and a key is only a partitioning hint. A URL the fetcher will refuse anyway
     * falls back to the key.
     */
    private static String serverOf(CrawlTask task, ConsumerRecord<String, byte[]> record) {
        try {
            URI uri = URI.create(UrlNormalizer.normalize(task.url()));
            if (uri.getHost() != null) {
                return CrawlScope.serverOf(uri);
            }
        } catch (IllegalArgumentException e) {
            // the runner fails it with the reason
        }
        return record.key() == null ? "" : record.key();
    }

    private void commitIfDue(boolean force) {
        if (!force && Duration.between(lastCommit, Instant.now()).compareTo(COMMIT_INTERVAL) < 0) {
            return;
        }
        lastCommit = Instant.now();
        Map<TopicPartition, OffsetAndMetadata> toCommit = offsets.committable();
        if (toCommit.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(toCommit, Duration.ofSeconds(10));
            offsets.markCommitted(toCommit);
        } catch (RuntimeException e) {
            LOG.warnf("offset commit failed (%s); will retry", e.getMessage());
        }
    }

    private void drainInFlight(Duration grace) {
        Instant deadline = Instant.now().plus(grace);
        while (queue.runningCount() > 0 && Instant.now().isBefore(deadline)) {
            settleFinished();
            sleep(100);
        }
        settleFinished();
        try {
            commitIfDue(true);
        } catch (RuntimeException e) {
            LOG.warnf("final commit failed (%s); finished tasks may run again", e.getMessage());
        }
        if (queue.runningCount() > 0) {
            LOG.warnf("%d tasks still running at shutdown; handed back, they will be redelivered", queue.runningCount());
        }
    }

    private static TopicPartition partition(ConsumerRecord<?, ?> r) {
        return new TopicPartition(r.topic(), r.partition());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            settleFinished();
            commitIfDue(true);
            for (TopicPartition tp : partitions) {
                offsets.forget(tp);
                queue.removeWaiting(p -> partition(p.record()).equals(tp));
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.infof("assigned %d partitions", partitions.size());
        }
    }
}
