-- Recrawl schedules (issue 15): read and advanced by whichever task-api replica's scheduler tick
-- locks a due row first (SELECT ... FOR UPDATE SKIP LOCKED), so each due recrawl is submitted once.
CREATE TABLE task_api_recrawl_schedules (
    id                BIGSERIAL     PRIMARY KEY,
    university_name   VARCHAR(100)  NOT NULL,
    -- NULL: every start URL the university has (PUT /api/universities/{name}/schedule);
    -- else this start URL only (recrawlEvery on submit), with the task's own parameters.
    start_url         VARCHAR(2048),
    department        VARCHAR(200),
    max_depth         INT,
    max_pages         INT,
    priority          VARCHAR(16)   NOT NULL,
    every_seconds     BIGINT        NOT NULL CHECK (every_seconds > 0),
    next_due_at       TIMESTAMPTZ   NOT NULL,
    last_submitted_at TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ   NOT NULL
);
CREATE UNIQUE INDEX task_api_recrawl_university_uq ON task_api_recrawl_schedules (university_name) WHERE start_url IS NULL;
CREATE UNIQUE INDEX task_api_recrawl_start_url_uq ON task_api_recrawl_schedules (university_name, start_url) WHERE start_url IS NOT NULL;
CREATE INDEX task_api_recrawl_due_idx ON task_api_recrawl_schedules (next_due_at);
