-- What the foreign-key check costs the write path's sightings INSERT, measured alone: 20,000 sightings of professors
-- inserted just before in the same transaction (as a batch of new rows does), into professor_sightings' columns and
-- primary key with its foreign key to the professors, then into the same table without it. Prints each statement's time.
-- Usage: psql -h 127.0.0.1 -U postgres -d test -f bench/persistence/fk-cost.sql   (makes and drops fk_bench_* tables)
\timing off
SET client_min_messages = warning;
DROP TABLE IF EXISTS fk_bench_sightings, fk_bench_sightings_no_fk, fk_bench_professors;
CREATE TABLE fk_bench_professors (id BIGSERIAL PRIMARY KEY, university_name VARCHAR(100) NOT NULL, normalized_name TEXT NOT NULL,
    name TEXT, email TEXT, title TEXT, department TEXT, first_seen_at TIMESTAMPTZ, updated_at TIMESTAMPTZ,
    last_seen_at TIMESTAMPTZ) WITH (fillfactor = 50);
CREATE UNIQUE INDEX ON fk_bench_professors (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX ON fk_bench_professors (university_name, normalized_name);
CREATE TABLE fk_bench_sightings (
    professor_id BIGINT NOT NULL REFERENCES fk_bench_professors (id) ON DELETE CASCADE, seen_at TIMESTAMPTZ NOT NULL,
    task_id UUID NOT NULL, university_name VARCHAR(100) NOT NULL, title VARCHAR(200), email VARCHAR(320),
    department VARCHAR(200), verified BOOLEAN NOT NULL, PRIMARY KEY (professor_id, seen_at, task_id));
CREATE TABLE fk_bench_sightings_no_fk (LIKE fk_bench_sightings INCLUDING ALL);
BEGIN;
INSERT INTO fk_bench_professors (university_name, normalized_name, name, email, title, department, first_seen_at, updated_at, last_seen_at)
SELECT 'University ' || (i % 50), 'name ' || i, 'Name ' || i, 'p' || i || '@u.edu', 'Professor', 'Department ' || (i % 7), now(), now(), now()
FROM generate_series(1, 20000) i;
\timing on
\echo with the foreign key:
INSERT INTO fk_bench_sightings SELECT id, last_seen_at, gen_random_uuid(), university_name, title, email, department, true
FROM fk_bench_professors ORDER BY id;
\echo without it:
INSERT INTO fk_bench_sightings_no_fk SELECT id, last_seen_at, gen_random_uuid(), university_name, title, email, department, true
FROM fk_bench_professors ORDER BY id;
\timing off
ROLLBACK;
DROP TABLE fk_bench_sightings, fk_bench_sightings_no_fk, fk_bench_professors;
