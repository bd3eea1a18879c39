-- task-api's own table (its own Flyway history table: task_api_schema_history).
-- The first answer to a request with an Idempotency-Key, returned again for retries.
CREATE TABLE task_api_idempotency_keys (
    idempotency_key VARCHAR(200) PRIMARY KEY,
    request_hash    VARCHAR(64)  NOT NULL,
    -- 0 while the first request is still being processed
    status          INT          NOT NULL,
    body            TEXT,
    location        VARCHAR(300),
    created_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX task_api_idempotency_keys_created_idx ON task_api_idempotency_keys (created_at);
