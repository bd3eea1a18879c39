package io.univinsight.systemtests.chaos.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scenario's numbers, from PostgreSQL. The duplicates are counted where the unique keys
 * leave room for them (crawl_results and crawl_metrics have one row per task by their key):
 * task rows beyond one per URL, professor rows of the university beyond one per person
 * found, paper rows beyond one per title, professor-paper links beyond two per person.
 */
public record Outcome(String university, long submitted, long completed, long failed, long cancelled, List<String> lostIds,
                      Map<String, Integer> failReasons, List<String> unacknowledged, long taskDuplicates, long professorDuplicates,
                      long paperDuplicates, long linkDuplicates, long completedWithoutResult, long completedWithoutMetrics,
                      long professorsExpected, long professorsFound, long professorRows, long papersExpected, long papersFound,
                      long linksExpected, long links) {
    public long lost() {
        return lostIds.size();
    }

    public long duplicated() {
        return taskDuplicates + professorDuplicates + paperDuplicates + linkDuplicates;
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append("professors ").append(professorsFound).append('/').append(professorsExpected)
                .append(", papers ").append(papersFound).append('/').append(papersExpected)
                .append(", links ").append(links).append('/').append(linksExpected);
        if (cancelled > 0) {
            s.append(", cancelled ").append(cancelled);
        }
        if (!failReasons.isEmpty()) {
            s.append(", failed: ").append(failReasons);
        }
        if (!unacknowledged.isEmpty()) {
            s.append(", ").append(unacknowledged.size()).append(" stored tasks never acknowledged e.g. ")
                    .append(unacknowledged.subList(0, Math.min(3, unacknowledged.size())));
        }
        if (completedWithoutResult > 0) {
            s.append(", ").append(completedWithoutResult).append(" COMPLETED without a result row");
        }
        if (completedWithoutMetrics > 0) {
            s.append(", ").append(completedWithoutMetrics).append(" COMPLETED without a metrics row");
        }
        if (duplicated() > 0) {
            s.append(", dup tasks/professors/papers/links ").append(taskDuplicates).append('/')
                    .append(professorDuplicates).append('/').append(paperDuplicates).append('/').append(linkDuplicates);
        }
        if (!lostIds.isEmpty()) {
            s.append(", ").append(lostIds.size()).append(" not finished e.g. ").append(lostIds.subList(0, Math.min(3, lostIds.size())));
        }
        return s.toString();
    }

    public ScenarioReport report(String scenario, Instant started, String notes) {
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        String all = notes == null || notes.isBlank() ? summary() : notes + "; " + summary();
        return new ScenarioReport(scenario, ChaosSize.SIZE, submitted, completed, failed, lost(), duplicated(), seconds, all).append();
    }

    /** The goal of every scenario: nothing lost, nothing stored twice, and the data of every completed task stored. */
    public void assertNoneLostOrDuplicated(String context) {
        assertTrue(submitted > 0, "the scenario submitted tasks");
        assertEquals(List.of(), lostIds, "lost tasks of " + university + " (" + context + ")");
        assertEquals(List.of(), unacknowledged, "stored tasks of " + university + " never acknowledged to their client: " + summary()
                + " (" + context + ")");
        assertCompletedStoredOnce(context);
    }

    /** Accepted tasks not finished yet but stored as queued or running (the rest of lostIds have no row or an unknown status). */
    public long queued() {
        return lostIds.stream().filter(id -> id.endsWith("(PENDING)") || id.endsWith("(RUNNING)") || id.endsWith("(RETRYING)")).count();
    }

    /**
     * A backlog only partly drained: every accepted task has its row, finished or still queued
     * (none missing), and the finished part is checked like any scenario's: stored once, with
     * every professor, paper, link, result and metrics row.
     */
    public void assertDrainedPartStoredOnce(String context) {
        assertTrue(submitted > 0, "the scenario submitted tasks");
        assertEquals(lost(), queued(), "accepted tasks without a row (not queued, not finished) of " + university + ": " + summary());
        assertEquals(List.of(), unacknowledged, "stored tasks never acknowledged: " + summary() + " (" + context + ")");
        assertCompletedStoredOnce(context);
    }

    /** The completed tasks' data: stored once, with every result, metrics, professor, paper and link row. */
    private void assertCompletedStoredOnce(String context) {
        assertEquals(0, duplicated(), "duplicated rows of " + university + ": " + summary() + " (" + context + ")");
        assertEquals(0, completedWithoutResult, "completed tasks without a result row (" + context + ")");
        assertEquals(0, completedWithoutMetrics, "completed tasks without a metrics row (" + context + ")");
        assertEquals(professorsExpected, professorsFound, "a professor row for every completed task (" + context + ")");
        assertEquals(papersExpected, papersFound, "a paper row for every paper of a completed task (" + context + ")");
        assertEquals(linksExpected, links, "each professor linked to its two papers (" + context + ")");
    }

    /** Where the fault must not fail a task: every accepted task COMPLETED (none FAILED or CANCELLED). */
    public void assertAllCompleted(String context) {
        assertEquals(0, failed, "FAILED tasks of " + university + ": " + failReasons + " (" + context + ")");
        assertEquals(0, cancelled, "CANCELLED tasks of " + university + " (" + context + ")");
        assertEquals(submitted, completed, "every accepted task of " + university + " COMPLETED (" + context + ")");
    }
}
