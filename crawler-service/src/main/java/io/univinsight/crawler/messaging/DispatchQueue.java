package io.univinsight.crawler.messaging;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import io.univinsight.events.Priority;

/**
 * Which task starts next, as pure decisions (no Kafka, no threads; the consumer thread owns it):
 * highest priority first, FIFO within a priority, a server already at its task limit never blocking
 * the others, at most {@code concurrency} running. Retries wait until their not-before time. It
 * also says which priorities to pause: those whose buffer is full, and every priority below one
 * with work waiting.
 *
 * @param <T> a waiting task; its priority, server and not-before time come from the functions given
 */
final class DispatchQueue<T> {
    private final Function<T, Priority> priorityOf;
    private final Function<T, String> serverOf;
    private final Function<T, Instant> notBeforeOf;
    private final int concurrency;
    private final int tasksPerServer;
    private final int bufferLimit;
    private final Map<Priority, ArrayDeque<T>> buffers = new EnumMap<>(Priority.class);
    private final List<T> delayed = new ArrayList<>();
    private final Map<String, Integer> busyServers = new HashMap<>();
    private final Map<T, Boolean> running = new IdentityHashMap<>();

    DispatchQueue(Function<T, Priority> priorityOf, Function<T, String> serverOf, Function<T, Instant> notBeforeOf,
                  int concurrency, int tasksPerServer) {
        this.priorityOf = priorityOf;
        this.serverOf = serverOf;
        this.notBeforeOf = notBeforeOf;
        this.concurrency = concurrency;
        this.tasksPerServer = Math.max(1, tasksPerServer);
        this.bufferLimit = Math.max(10, concurrency * 2);
        for (Priority p : Priority.values()) {
            buffers.put(p, new ArrayDeque<>());
        }
    }

    /** A task from its priority topic: waits its turn. */
    void add(T task) {
        buffers.get(priorityOf.apply(task)).add(task);
    }

    /** A retry: waits for its not-before time first (see {@link #releaseDue}). */
    void addDelayed(T task) {
        delayed.add(task);
    }

    /** Retries whose not-before time has come join their priority's queue. */
    void releaseDue(Instant now) {
        for (Iterator<T> it = delayed.iterator(); it.hasNext();) {
            T task = it.next();
            Instant notBefore = notBeforeOf.apply(task);
            if (notBefore == null || !notBefore.isAfter(now)) {
                add(task);
                it.remove();
            }
        }
    }

    /** The next task to start, now counted as running; null when every slot is taken or nothing can run. */
    T next() {
        if (running.size() >= concurrency) {
            return null;
        }
        for (Priority p : Priority.values()) {
            for (Iterator<T> it = buffers.get(p).iterator(); it.hasNext();) {
                T candidate = it.next();
                if (busyServers.getOrDefault(serverOf.apply(candidate), 0) < tasksPerServer) {
                    it.remove();
                    busyServers.merge(serverOf.apply(candidate), 1, Integer::sum);
                    running.put(candidate, Boolean.TRUE);
                    return candidate;
                }
            }
        }
        return null;
    }

    /** A running task ended: its slot and its server are free again. */
    void finished(T task) {
        if (running.remove(task) != null) {
            busyServers.computeIfPresent(serverOf.apply(task), (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    /** A running task did not finish (it will run again): freed, and first in its priority's queue. */
    void handBack(T task) {
        finished(task);
        buffers.get(priorityOf.apply(task)).addFirst(task);
    }

    int runningCount() {
        return running.size();
    }

    /** Forgets waiting tasks (of partitions this consumer lost); running ones finish as usual. */
    void removeWaiting(Predicate<T> which) {
        buffers.values().forEach(b -> b.removeIf(which));
        delayed.removeIf(which);
    }

    /** Priorities not to poll now: a full buffer, or a higher priority with work waiting. */
    Set<Priority> prioritiesToPause() {
        Set<Priority> pause = EnumSet.noneOf(Priority.class);
        boolean higherWaiting = false;
        for (Priority p : Priority.values()) {
            if (higherWaiting || buffers.get(p).size() >= bufferLimit) {
                pause.add(p);
            }
            higherWaiting |= !buffers.get(p).isEmpty();
        }
        return pause;
    }

    /** Whether to stop polling the retry topic: too many retries already waiting for their time. */
    boolean retriesFull() {
        return delayed.size() >= bufferLimit * 10;
    }
}
