package io.univinsight.events;

/**
 * Lifecycle of a crawl task. Status only moves forward: a late or duplicated event
 * never takes a task back (RETRYING and RUNNING alternate per attempt, ordered by attempt).
 */
public enum TaskStatus {
    PENDING(0), RUNNING(1), RETRYING(1), COMPLETED(2), FAILED(2), CANCELLED(2);

    private final int stage;

    TaskStatus(int stage) {
        this.stage = stage;
    }

    public boolean isTerminal() {
        return stage == 2;
    }

    /**
     * Whether an event (next, nextAttempt) may replace the current (this, attempt).
     * Terminal states are final; within the running stage a later attempt wins, and
     * in one attempt RETRYING follows RUNNING.
     */
    public boolean mayMoveTo(TaskStatus next, int attempt, int nextAttempt) {
        if (isTerminal()) {
            return false;
        }
        if (next.stage != stage) {
            return next.stage > stage;
        }
        if (next == this) {
            return nextAttempt > attempt;
        }
        if (nextAttempt != attempt) {
            return nextAttempt > attempt;
        }
        return this == RUNNING && next == RETRYING;
    }
}
