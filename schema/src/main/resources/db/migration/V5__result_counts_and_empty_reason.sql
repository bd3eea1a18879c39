-- Issue 15: how many of a task's pages came from the page-state store (304, or the same content as
-- last time) and the bytes they did not cost, kept with the result so GET /api/tasks/{id} can say it.
-- Results stored before this migration count 0.
-- Issue 14: why a task found no professor (no-people-found, render-needed); NULL when it found some.
ALTER TABLE crawl_results
    ADD COLUMN cache_hits   INT         NOT NULL DEFAULT 0,
    ADD COLUMN bytes_saved  BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN empty_reason VARCHAR(40);
