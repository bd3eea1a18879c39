package io.univinsight.crawler.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.univinsight.crawler.service.TaskRunner;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.JsonSerde;
import io.univinsight.events.Priority;
import io.univinsight.events.Topics;

/**
 * The crawler's one consumer thread. It buffers records per priority and starts the
 * highest-priority one whose host is free, pausing lower-priority topics while a higher one
 * has work waiting. Retries wait here until their not-before time. Tasks run on a worker pool;
 * offsets are committed only up to the lowest unfinished record of each partition.
 */
public class TaskConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(TaskConsumer.class);
    private static final JsonSerde<CrawlTask> TASKS = new JsonSerde<>(CrawlTask.class);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TaskRunner runner;
    private final EventPublisher events;
    private final int concurrency;
    private final int bufferLimit;
    private final ExecutorService workers;
    private final OffsetTracker offsets = new OffsetTracker();
    private final Map<Priority, ArrayDeque<ConsumerRecord<String, byte[]>>> buffers = new EnumMap<>(Priority.class);
    private final List<DelayedTask> delayed = new ArrayList<>();
    private final ConcurrentLinkedQueue<ConsumerRecord<String, byte[]>> finished = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ConsumerRecord<String, byte[]>> handedBack = new ConcurrentLinkedQueue<>();
    private final Map<String, Integer> busyHosts = new HashMap<>();
    private final Map<ConsumerRecord<String, byte[]>, String> hostOfRunning = new HashMap<>();
    private volatile boolean running = true;
    private volatile boolean polling;
    private Instant lastCommit = Instant.now();

    private record DelayedTask(ConsumerRecord<String, byte[]> record, CrawlTask task) {
    }

    public TaskConsumer(Map<String, Object> kafkaConfig, String workerId, TaskRunner runner, EventPublisher events, int concurrency) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "crawler");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, workerId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(10, concurrency));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        this.runner = runner;
        this.events = events;
        this.concurrency = concurrency;
        this.bufferLimit = Math.max(10, concurrency * 2);
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "crawl-worker");
            t.setDaemon(true);
            return t;
        });
        for (Priority p : Priority.values()) {
            buffers.put(p, new ArrayDeque<>());
        }
    }

    public boolean isPolling() {
        return polling;
    }

    @Override
    public void run() {
        List<String> topics = new ArrayList<>(Topics.priorityTopics());
        topics.add(Topics.TASKS_RETRY);
        consumer.subscribe(topics, new Rebalance());
        try {
            while (running) {
                settleFinished();
                releaseDueRetries();
                dispatch();
                adjustPauses();
                polling = true;
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record);
                }
                commitIfDue(false);
            }
            drainInFlight(Duration.ofSeconds(25));
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            drainInFlight(Duration.ofSeconds(25));
        } catch (RuntimeException e) {
            LOG.error("task consumer stopped by an unexpected error", e);
        } finally {
            polling = false;
            consumer.close(Duration.ofSeconds(10));
            workers.shutdownNow();
        }
    }

    /** Stops taking work; in-flight tasks get the grace period, the rest is redelivered. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        offsets.received(partition(record), record.offset());
        Priority priority = Priority.ofTopic(record.topic());
        if (priority != null) {
            buffers.get(priority).add(record);
            return;
        }
        // Retry topic: parse now to learn the priority and the not-before time.
        CrawlTask task = parse(record);
        if (task != null) {
            delayed.add(new DelayedTask(record, task));
        }
    }

    private void releaseDueRetries() {
        Instant now = Instant.now();
        for (Iterator<DelayedTask> it = delayed.iterator(); it.hasNext();) {
            DelayedTask d = it.next();
            if (d.task().notBefore() == null || !d.task().notBefore().isAfter(now)) {
                buffers.get(d.task().priority() == null ? Priority.NORMAL : d.task().priority()).add(d.record());
                it.remove();
            }
        }
    }

    /** Starts tasks while slots are free: highest priority first, FIFO within it, one busy host never blocking others. */
    private void dispatch() {
        while (hostOfRunning.size() < concurrency) {
            ConsumerRecord<String, byte[]> next = nextRunnable();
            if (next == null) {
                return;
            }
            CrawlTask task = parse(next);
            if (task == null) {
                continue;
            }
            String host = hostKey(next);
            busyHosts.merge(host, 1, Integer::sum);
            hostOfRunning.put(next, host);
            workers.submit(() -> execute(next, task, host));
        }
    }

    private ConsumerRecord<String, byte[]> nextRunnable() {
        for (Priority p : Priority.values()) {
            for (Iterator<ConsumerRecord<String, byte[]>> it = buffers.get(p).iterator(); it.hasNext();) {
                ConsumerRecord<String, byte[]> r = it.next();
                if (!busyHosts.containsKey(hostKey(r))) {
                    it.remove();
                    return r;
                }
            }
        }
        return null;
    }

    private void execute(ConsumerRecord<String, byte[]> record, CrawlTask task, String host) {
        try {
            runner.run(task, host);
            finished.add(record);
        } catch (EventPublisher.PublishException e) {
            LOG.warnf("task %s not reported (%s); it will run again", task.taskId(), e.getMessage());
            handedBack.add(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handedBack.add(record);
        } catch (RuntimeException e) {
            LOG.errorf(e, "task %s crashed; it will run again", task.taskId());
            handedBack.add(record);
        }
    }

    /** Applies finished and handed-back tasks (on this thread: the consumer is single-threaded). */
    private void settleFinished() {
        ConsumerRecord<String, byte[]> r;
        while ((r = finished.poll()) != null) {
            release(r);
            offsets.finished(partition(r), r.offset());
        }
        while ((r = handedBack.poll()) != null) {
            release(r);
            Priority p = Priority.ofTopic(r.topic());
            CrawlTask task = p == null ? parse(r) : null;
            buffers.get(p != null ? p : task == null || task.priority() == null ? Priority.NORMAL : task.priority()).addFirst(r);
        }
    }

    private void release(ConsumerRecord<String, byte[]> r) {
        String host = hostOfRunning.remove(r);
        if (host != null) {
            busyHosts.computeIfPresent(host, (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** Pauses a priority topic while its own buffer is full or a higher priority has work waiting. */
    private void adjustPauses() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        boolean higherWaiting = false;
        List<TopicPartition> pause = new ArrayList<>();
        List<TopicPartition> resume = new ArrayList<>();
        for (Priority p : Priority.values()) {
            boolean shouldPause = higherWaiting || buffers.get(p).size() >= bufferLimit;
            for (TopicPartition tp : assigned) {
                if (tp.topic().equals(p.topic())) {
                    (shouldPause ? pause : resume).add(tp);
                }
            }
            higherWaiting |= !buffers.get(p).isEmpty();
        }
        for (TopicPartition tp : assigned) {
            if (tp.topic().equals(Topics.TASKS_RETRY)) {
                (delayed.size() >= bufferLimit * 10 ? pause : resume).add(tp);
            }
        }
        consumer.pause(pause);
        consumer.resume(resume);
    }

    /** The task in a record, or null after sending an unreadable record to the DLQ (never blocking the partition). */
    private CrawlTask parse(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            CrawlTask task = TASKS.deserialize(record.topic(), record.value());
            if (task == null || task.taskId() == null || task.url() == null || task.priority() == null || task.maxPages() < 1) {
                throw new IllegalArgumentException("missing taskId, url, priority or maxPages");
            }
            return task;
        } catch (RuntimeException e) {
            LOG.errorf("record %s is not a valid task (%s); sent to %s", where, e.getMessage(), Topics.TASKS_DLQ);
            try {
                events.deadLetter(record.key(), record.value(), "unparseable task: " + e.getMessage(), where);
                offsets.finished(partition(record), record.offset());
            } catch (EventPublisher.PublishException pe) {
                LOG.errorf("cannot dead-letter %s (%s); it stays uncommitted and will be seen again", where, pe.getMessage());
            }
            return null;
        }
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
        while (!hostOfRunning.isEmpty() && Instant.now().isBefore(deadline)) {
            settleFinished();
            sleep(100);
        }
        settleFinished();
        commitIfDue(true);
        if (!hostOfRunning.isEmpty()) {
            LOG.warnf("%d tasks still running at shutdown; they will be redelivered", hostOfRunning.size());
        }
    }

    /** Task records are keyed by URL host; one task per host runs at a time (politeness). */
    private static String hostKey(ConsumerRecord<String, byte[]> r) {
        return r.key() == null ? "" : r.key();
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
                buffers.values().forEach(b -> b.removeIf(r -> partition(r).equals(tp)));
                delayed.removeIf(d -> partition(d.record()).equals(tp));
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.infof("assigned %d partitions", partitions.size());
        }
    }
}
