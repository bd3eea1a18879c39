package io.univinsight.systemtests.chaos.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.univinsight.systemtests.chaos.support.TaskSubmit.Answer;

/**
 * Submits single tasks one after the other on a background thread until stopped, each for
 * the next person of its plan, as the README tells a client to: each with its own
 * Idempotency-Key, and a 503 (or no answer, or 409 while the first try is in progress) retried
 * with the same key until it is answered with a task. Every id answered is recorded, with a
 * count per status and the time each 202's request was sent.
 */
public final class Prober implements AutoCloseable {
    /** How long one person's submit is retried (an outage, then a claim left by a dead request: 30 s). */
    private static final Duration RESOLVE = Duration.ofMinutes(3);
    private final Load load;
    private final String apiUrl;
    private final String keyPrefix = "probe-" + java.util.UUID.randomUUID() + "-";
    private final AtomicBoolean running = new AtomicBoolean(true);
    public final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    public final ConcurrentLinkedQueue<String> oddAnswers = new ConcurrentLinkedQueue<>();
    /** When the request of each 202 was sent. */
    public final ConcurrentLinkedQueue<Instant> acceptedSentAt = new ConcurrentLinkedQueue<>();
    /** People whose submit got no task within {@link #RESOLVE}. */
    public final ConcurrentLinkedQueue<Integer> unresolved = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private int next;

    public Prober(Load load, String apiUrl) {
        this.load = load;
        this.apiUrl = apiUrl;
        this.thread = new Thread(this::loop, "chaos-prober");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running.get() && next < load.size()) {
            resolve(next++);
        }
    }

    /** One person's submit, retried with its key until it names a task (or a final 4xx, or the bound). */
    private void resolve(int i) {
        String key = keyPrefix + i;
        Instant giveUp = Instant.now().plus(RESOLVE);
        while (true) {
            Instant sent = Instant.now();
            Answer a = TaskSubmit.submitOne(apiUrl, load.body(i), key);
            statuses.merge(a.status(), 1, Integer::sum);
            if ((a.status() == 202 || a.status() == 200) && a.taskId() != null) {
                if (a.status() == 202) {
                    acceptedSentAt.add(sent);
                }
                load.accept(a.taskId(), i);
                FaultTiming.sleep(50);
                return;
            }
            boolean retriable = a.status() == 503 || a.status() == 409 || a.status() == -1;
            if (!retriable) {
                if (oddAnswers.size() < 5) {
                    oddAnswers.add(a.status() + " " + a.detail());
                }
                return;
            }
            if (Instant.now().isAfter(giveUp)) {
                unresolved.add(i);
                return;
            }
            FaultTiming.sleep(200);
        }
    }

    public int count(int status) {
        return statuses.getOrDefault(status, 0);
    }

    /** 202s to requests sent in [from, to): none may be while the queue is down. */
    public long acceptedSentBetween(Instant from, Instant to) {
        return acceptedSentAt.stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).count();
    }

    /** Starts no new person; the one being submitted is retried to its end. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(RESOLVE.plusSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
