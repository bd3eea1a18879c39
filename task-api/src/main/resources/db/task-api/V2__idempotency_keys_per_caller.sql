-- An Idempotency-Key is the caller's own: two API keys sending the same Idempotency-Key get
-- their own tasks and answers, never each other's (or a 422 for the other's body).
-- caller: the hex SHA-256 of the API key (never the key itself), or 'open' in open mode.
-- Rows from before were written without a caller: they get 'open', so an open-mode deployment
-- keeps replaying them; with keys required no caller matches them, and they go with the 24-hour
-- clean-up (a retry of such a request is taken as a new one). The default keeps the inserts of
-- instances still running the code before this migration working during a rolling update.
ALTER TABLE task_api_idempotency_keys ADD COLUMN caller VARCHAR(64) NOT NULL DEFAULT 'open';
ALTER TABLE task_api_idempotency_keys DROP CONSTRAINT task_api_idempotency_keys_pkey;
ALTER TABLE task_api_idempotency_keys ADD PRIMARY KEY (caller, idempotency_key);
