package io.univinsight.monitor.streams;

import java.time.Instant;

import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;

/**
 * The latest status of one task as the monitor sees it. changed says whether the last event
 * moved it (a duplicate or late event does not), so each transition is counted once.
 */
public record TaskState(TaskStatus status, int attempt, String universityName, Instant firstRunningAt,
                        Instant endedAt, boolean changed) {

    /** Applies an event to the current state (null before the first event). */
    public static TaskState apply(TaskState current, TaskStatusChanged event) {
        if (current != null && !current.status().mayMoveTo(event.status(), current.attempt(), event.attempt())) {
            return new TaskState(current.status(), current.attempt(), current.universityName(), current.firstRunningAt(),
                    current.endedAt(), false);
        }
        Instant running = current == null ? null : current.firstRunningAt();
        if (event.status() == TaskStatus.RUNNING && (running == null || event.at().isBefore(running))) {
            running = event.at();
        }
        String university = event.universityName() != null ? event.universityName() : current == null ? null : current.universityName();
        return new TaskState(event.status(), event.attempt(), university, running,
                event.status().isTerminal() ? event.at() : null, true);
    }

    /** Running time of a finished task, or -1 when unknown. */
    public long durationMs() {
        return firstRunningAt == null || endedAt == null ? -1 : Math.max(0, endedAt.toEpochMilli() - firstRunningAt.toEpochMilli());
    }
}
