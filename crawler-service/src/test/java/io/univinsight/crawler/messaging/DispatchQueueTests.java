package io.univinsight.crawler.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.univinsight.events.Priority;

class DispatchQueueTests {
    private record Task(String id, Priority priority, String server, Instant notBefore) {
    }

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static DispatchQueue<Task> queue(int concurrency, int tasksPerServer) {
        return new DispatchQueue<>(Task::priority, Task::server, Task::notBefore, concurrency, tasksPerServer);
    }

    private static Task task(String id, Priority p, String server) {
        return new Task(id, p, server, null);
    }

    private static List<String> drain(DispatchQueue<Task> q) {
        List<String> started = new ArrayList<>();
        Task t;
        while ((t = q.next()) != null) {
            started.add(t.id());
        }
        return started;
    }

    @Test
    void highestPriorityFirstAndFifoWithinIt() {
        DispatchQueue<Task> q = queue(10, 1);
        q.add(task("low", Priority.LOW, "a:80"));
        q.add(task("normal-1", Priority.NORMAL, "b:80"));
        q.add(task("critical", Priority.CRITICAL, "c:80"));
        q.add(task("normal-2", Priority.NORMAL, "d:80"));
        assertEquals(List.of("critical", "normal-1", "normal-2", "low"), drain(q));
    }

    @Test
    void aBusyServerNeverBlocksTheOthers() {
        DispatchQueue<Task> q = queue(10, 1);
        q.add(task("a1", Priority.HIGH, "a:80"));
        q.add(task("a2", Priority.HIGH, "a:80"));
        q.add(task("b1", Priority.LOW, "b:80"));
        assertEquals(List.of("a1", "b1"), drain(q), "a2 waits for a:80, b1 of a lower priority goes ahead");
    }

    @Test
    void aFinishedTaskFreesItsServerAndSlot() {
        DispatchQueue<Task> q = queue(2, 1);
        Task a1 = task("a1", Priority.NORMAL, "a:80");
        Task a2 = task("a2", Priority.NORMAL, "a:80");
        Task b1 = task("b1", Priority.NORMAL, "b:80");
        Task c1 = task("c1", Priority.NORMAL, "c:80");
        List.of(a1, a2, b1, c1).forEach(q::add);
        assertEquals(List.of("a1", "b1"), drain(q), "two slots");
        assertEquals(2, q.runningCount());
        q.finished(a1);
        assertSame(a2, q.next(), "a:80 is free again and a2 was first in line");
        assertNull(q.next(), "both slots taken");
    }

    @Test
    void severalTasksPerServerWhenAllowed() {
        DispatchQueue<Task> q = queue(10, 2);
        q.add(task("a1", Priority.NORMAL, "a:80"));
        q.add(task("a2", Priority.NORMAL, "a:80"));
        q.add(task("a3", Priority.NORMAL, "a:80"));
        assertEquals(List.of("a1", "a2"), drain(q));
    }

    @Test
    void aHandedBackTaskIsFirstInLineAgain() {
        DispatchQueue<Task> q = queue(1, 1);
        Task first = task("first", Priority.NORMAL, "a:80");
        q.add(first);
        q.add(task("second", Priority.NORMAL, "b:80"));
        assertSame(first, q.next());
        q.handBack(first);
        assertEquals(0, q.runningCount());
        assertSame(first, q.next());
    }

    @Test
    void retriesWaitForTheirNotBeforeTime() {
        DispatchQueue<Task> q = queue(10, 1);
        q.addDelayed(new Task("later", Priority.CRITICAL, "a:80", NOW.plusSeconds(5)));
        q.addDelayed(new Task("due", Priority.LOW, "b:80", NOW.minusMillis(1)));
        q.releaseDue(NOW);
        assertEquals(List.of("due"), drain(q));
        q.releaseDue(NOW.plusSeconds(5));
        assertEquals(List.of("later"), drain(q));
    }

    @Test
    void lowerPrioritiesPauseWhileAHigherOneHasWorkWaiting() {
        DispatchQueue<Task> q = queue(0, 1); // no slot: everything waits
        assertEquals(Set.of(), q.prioritiesToPause());
        q.add(task("h", Priority.HIGH, "a:80"));
        assertEquals(EnumSet.of(Priority.NORMAL, Priority.LOW), q.prioritiesToPause());
    }

    @Test
    void aFullBufferPausesItsOwnPriority() {
        DispatchQueue<Task> q = queue(0, 1); // buffer limit: at least 10
        for (int i = 0; i < 10; i++) {
            q.add(task("c" + i, Priority.CRITICAL, "a:80"));
        }
        assertTrue(q.prioritiesToPause().contains(Priority.CRITICAL));
        assertFalse(q.retriesFull());
    }

    @Test
    void waitingTasksOfALostPartitionAreForgotten() {
        DispatchQueue<Task> q = queue(10, 1);
        q.add(task("keep", Priority.NORMAL, "a:80"));
        q.add(task("lost", Priority.NORMAL, "b:80"));
        q.addDelayed(new Task("lost-retry", Priority.NORMAL, "c:80", NOW));
        q.removeWaiting(t -> t.id().startsWith("lost"));
        q.releaseDue(NOW);
        assertEquals(List.of("keep"), drain(q));
    }
}
