package io.univinsight.persistence.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;

class TaskStateMachineTests {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000017");
    private static final String URL = "https://www.cs.example.edu/people";

    @Test
    void aNewRowIsPendingAndNormalWithWhatTheFirstEventKnows() {
        TaskRow row = TaskStateMachine.newRow(ID, null, null, null);

        assertEquals(TaskStatus.PENDING.name(), row.status);
        assertEquals("normal", row.priority);
        assertEquals("", row.url, "url is NOT NULL: empty until an event names it");
        assertEquals("", row.universityName);
        assertEquals(Instant.EPOCH, row.createdAt);
    }

    @Test
    void theTaskRecordStatesWhatWasAskedAndAnEarlierSubmitTimeWins() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0.plusSeconds(5));

        TaskStateMachine.applyTask(row, task(Priority.HIGH, T0));

        assertEquals("high", row.priority);
        assertEquals(2, row.maxDepth);
        assertEquals(50, row.maxPages);
        assertEquals("Physics", row.department);
        assertEquals(T0, row.createdAt);
    }

    @Test
    void aLaterSubmitTimeDoesNotMoveCreationForward() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0);

        TaskStateMachine.applyTask(row, task(Priority.LOW, T0.plusSeconds(30)));

        assertEquals(T0, row.createdAt);
    }

    @Test
    void aStatusEventStatesThePriorityOnlyUntilTheTaskRecordCame() {
        TaskRow beforeTask = TaskStateMachine.newRow(ID, URL, "Example University", T0);
        TaskStateMachine.applyStatus(beforeTask, status(TaskStatus.RUNNING, T0.plusSeconds(1), 1, "w1", null, Priority.CRITICAL));
        assertEquals("critical", beforeTask.priority);

        TaskRow afterTask = TaskStateMachine.newRow(ID, URL, "Example University", T0);
        TaskStateMachine.applyTask(afterTask, task(Priority.LOW, T0));
        TaskStateMachine.applyStatus(afterTask, status(TaskStatus.RUNNING, T0.plusSeconds(1), 1, "w1", null, Priority.CRITICAL));
        assertEquals("low", afterTask.priority, "the task record's priority stands");
    }

    @Test
    void aStatusEventFillsAMissingUrlAndUniversity() {
        TaskRow row = TaskStateMachine.newRow(ID, null, null, T0);

        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(1), 1, "w1", null, null));

        assertEquals(URL, row.url);
        assertEquals("Example University", row.universityName);
    }

    @Test
    void runningSetsTheFirstStartTheWorkerAndTheAttempt() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0);

        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(3), 1, "w1", null, null));

        assertEquals(TaskStatus.RUNNING.name(), row.status);
        assertEquals(T0.plusSeconds(3), row.startedAt);
        assertEquals(T0.plusSeconds(3), row.statusAt);
        assertEquals("w1", row.workerId);
        assertEquals(1, row.attempt);
        assertNull(row.completedAt);
    }

    @Test
    void theEarliestStartIsKeptWhateverTheArrivalOrder() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0);

        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(10), 2, "w2", null, null));
        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(1), 1, "w1", null, null));

        assertEquals(T0.plusSeconds(1), row.startedAt);
        assertEquals(2, row.attempt, "the later attempt stays");
        assertEquals("w2", row.workerId);
        assertEquals(1, row.retryCount);
    }

    @Test
    void aCompletedStatusWaitsForTheResultWhichCompletesTheTask() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0);
        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(1), 1, "w1", null, null));

        TaskStateMachine.applyStatus(row, status(TaskStatus.COMPLETED, T0.plusSeconds(5), 1, "w1", null, null));
        assertEquals(TaskStatus.RUNNING.name(), row.status, "no result stored yet");

        TaskStateMachine.applyResult(row, result(T0.plusSeconds(5), 1, "w1"), T0.plusSeconds(5));
        assertEquals(TaskStatus.COMPLETED.name(), row.status);
        assertEquals(T0.plusSeconds(5), row.completedAt);
        assertTrue(row.hasResult);
    }

    @Test
    void aTerminalStatusIsFinal() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0);
        TaskStateMachine.applyStatus(row, status(TaskStatus.CANCELLED, T0.plusSeconds(3), 1, null, "cancelled by user", null));

        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(4), 1, "w1", null, null));

        assertEquals(TaskStatus.CANCELLED.name(), row.status);
        assertEquals(T0.plusSeconds(3), row.completedAt);
        assertEquals("w1", row.workerId, "a late event still names the worker when none was known");
    }

    @Test
    void theLatestErrorByEventTimeWinsEvenFromAnEventThatNoLongerMovesTheStatus() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0);
        TaskStateMachine.applyStatus(row, status(TaskStatus.FAILED, T0.plusSeconds(10), 3, "w1", "gave up", null));

        TaskStateMachine.applyStatus(row, status(TaskStatus.RETRYING, T0.plusSeconds(2), 1, "w1", "HTTP 503", null));
        assertEquals("gave up", row.lastError, "an older error does not replace a newer one");

        TaskStateMachine.applyStatus(row, status(TaskStatus.RETRYING, T0.plusSeconds(20), 2, "w1", "late timeout", null));
        assertEquals(TaskStatus.FAILED.name(), row.status);
        assertEquals("late timeout", row.lastError);
        assertEquals(T0.plusSeconds(20), row.lastErrorAt);
    }

    @Test
    void retriesCountAttemptsBeyondTheFirst() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0);

        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(1), 1, "w1", null, null));
        TaskStateMachine.applyStatus(row, status(TaskStatus.RETRYING, T0.plusSeconds(2), 1, "w1", "timeout", null));
        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0.plusSeconds(5), 3, "w3", null, null));

        assertEquals(TaskStatus.RUNNING.name(), row.status);
        assertEquals(2, row.retryCount);
        assertEquals(3, row.attempt);
        assertEquals("w3", row.workerId);
    }

    @Test
    void anEventOlderThanTheRowMovesItsCreationBack() {
        TaskRow row = TaskStateMachine.newRow(ID, URL, "Example University", T0.plusSeconds(60));

        TaskStateMachine.applyStatus(row, status(TaskStatus.RUNNING, T0, 1, "w1", null, null));

        assertEquals(T0, row.createdAt);
    }

    private static CrawlTask task(Priority priority, Instant submittedAt) {
        return new CrawlTask(CrawlTask.SCHEMA_VERSION, ID.toString(), URL, "Example University", "Physics", priority, 2, 50, submittedAt, 1, null);
    }

    private static TaskStatusChanged status(TaskStatus status, Instant at, int attempt, String worker, String error, Priority priority) {
        return new TaskStatusChanged(TaskStatusChanged.SCHEMA_VERSION, ID.toString(), status, at, worker, attempt, error, URL,
                "Example University", priority);
    }

    private static CrawlResult result(Instant at, int attempt, String worker) {
        return new CrawlResult(CrawlResult.SCHEMA_VERSION, ID.toString(), URL, "Example University", null, List.of(), List.of(), 1,
                "directory", 50, new CrawlResult.Metrics(1, 1, 1, 1, 200, 0, false, 0), at, worker, attempt);
    }
}
