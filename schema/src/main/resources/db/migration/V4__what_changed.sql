-- What changed (issue 15): when each professor and paper was last seen, who has left, and a history
-- of field changes. updated_at keeps its meaning (the time of the newest sighting merged into the row,
-- which the merge orders by); last_seen_at is the same maximum under the name readers ask for, and the
-- time a departure is compared with.
ALTER TABLE professors
    ADD COLUMN last_seen_at TIMESTAMPTZ,
    -- NULL: active. Otherwise the newest departure reported after the last sighting.
    ADD COLUMN departed_at  TIMESTAMPTZ;
UPDATE professors SET last_seen_at = updated_at;
ALTER TABLE professors ALTER COLUMN last_seen_at SET NOT NULL;
-- GET /api/changes: joins of a university since a time.
CREATE INDEX professors_university_first_seen_idx ON professors (university_name, first_seen_at);

ALTER TABLE papers ADD COLUMN last_seen_at TIMESTAMPTZ;
UPDATE papers SET last_seen_at = updated_at;
ALTER TABLE papers ALTER COLUMN last_seen_at SET NOT NULL;
CREATE INDEX papers_first_seen_idx ON papers (first_seen_at);

-- Every sighting of a professor (one per result that listed them), with the values it gave. The
-- history below is derived from these and the departures, never from arrival order, so a replay of
-- the topics in another order writes the same history.
CREATE TABLE professor_sightings (
    professor_id    BIGINT       NOT NULL REFERENCES professors (id) ON DELETE CASCADE,
    seen_at         TIMESTAMPTZ  NOT NULL,
    task_id         UUID         NOT NULL,
    university_name VARCHAR(100) NOT NULL,
    title           VARCHAR(200),
    email           VARCHAR(320),
    department      VARCHAR(200),
    -- the email belongs to the listing page's own site: only such a listing moves a person (merge.Position)
    verified        BOOLEAN      NOT NULL,
    PRIMARY KEY (professor_id, seen_at, task_id)
);
-- Rows from before this migration count as one sighting at their last update (task unknown: the nil UUID).
INSERT INTO professor_sightings (professor_id, seen_at, task_id, university_name, title, email, department, verified)
SELECT id, updated_at, '00000000-0000-0000-0000-000000000000', university_name, title, email, department, is_verified
FROM professors;

-- Professors a directory page stopped listing (CrawlResult.departed), kept by the person's keys rather
-- than a row id: a departure that arrives before the listing it ends still finds its professor later.
CREATE TABLE professor_departures (
    task_id         UUID        NOT NULL,
    departed_at     TIMESTAMPTZ NOT NULL,
    university_name TEXT        NOT NULL,
    normalized_name TEXT        NOT NULL,
    email           TEXT,
    PRIMARY KEY (task_id, university_name, normalized_name)
);
CREATE INDEX professor_departures_email_idx ON professor_departures (email) WHERE email IS NOT NULL;
CREATE INDEX professor_departures_name_idx ON professor_departures (university_name, normalized_name);

-- What changed for a professor and when: a value of title, email, department or university replaced by
-- another, or the professor departed or returned (old/new value 'active'/'departed').
CREATE TABLE professor_changes (
    id           BIGSERIAL PRIMARY KEY,
    professor_id BIGINT      NOT NULL REFERENCES professors (id) ON DELETE CASCADE,
    field        VARCHAR(16) NOT NULL CHECK (field IN ('title', 'email', 'department', 'university', 'departed', 'returned')),
    old_value    TEXT,
    new_value    TEXT,
    changed_at   TIMESTAMPTZ NOT NULL,
    task_id      UUID
);
-- One row per change, however often it is derived again (writes are INSERT ... ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX professor_changes_uq
    ON professor_changes (professor_id, field, changed_at, COALESCE(old_value, ''), COALESCE(new_value, ''));
-- By university since a time: professors_university_department_idx finds the university's professors,
-- this index their changes since the time.
CREATE INDEX professor_changes_professor_time_idx ON professor_changes (professor_id, changed_at);
-- A move lists under the university left too.
CREATE INDEX professor_changes_left_university_idx ON professor_changes (old_value, changed_at) WHERE field = 'university';

-- GET /api/changes reads this: one row per thing that happened at a university, newest first by changed_at then id.
-- A paper is new for each professor of the university it is linked to. Predicates on university_name and
-- changed_at reach each branch (UNION ALL), so the indexes above serve them.
CREATE VIEW university_changes AS
SELECT 'j' || p.id AS id, 'joined' AS kind, p.university_name, p.id AS professor_id, p.name AS professor_name,
       NULL::VARCHAR(16) AS field, NULL::TEXT AS old_value, NULL::TEXT AS new_value,
       NULL::BIGINT AS paper_id, NULL::TEXT AS paper_title, p.first_seen_at AS changed_at
FROM professors p
UNION ALL
SELECT 'c' || c.id, CASE WHEN c.field IN ('departed', 'returned') THEN c.field ELSE 'changed' END, p.university_name, p.id, p.name,
       CASE WHEN c.field IN ('departed', 'returned') THEN NULL ELSE c.field END, c.old_value, c.new_value, NULL, NULL, c.changed_at
FROM professor_changes c JOIN professors p ON p.id = c.professor_id
UNION ALL
-- a move is listed under the university left as well
SELECT 'l' || c.id, 'changed', c.old_value, p.id, p.name, c.field, c.old_value, c.new_value, NULL, NULL, c.changed_at
FROM professor_changes c JOIN professors p ON p.id = c.professor_id
WHERE c.field = 'university'
UNION ALL
SELECT 'p' || pa.id || '-' || p.id, 'new_paper', p.university_name, p.id, p.name, NULL, NULL, NULL, pa.id, pa.title, pa.first_seen_at
FROM papers pa JOIN professor_papers l ON l.paper_id = pa.id JOIN professors p ON p.id = l.professor_id;
