-- When each merged field's value was seen. A field keeps its newest non-empty value, compared
-- by these times rather than by arrival order, so a replay of the topics converges to the same
-- rows. NULL ranks below any time (a value that only fills a gap, like the task's department).
ALTER TABLE professors
    ADD COLUMN name_seen_at        TIMESTAMPTZ,
    ADD COLUMN email_seen_at       TIMESTAMPTZ,
    ADD COLUMN title_seen_at       TIMESTAMPTZ,
    ADD COLUMN department_seen_at  TIMESTAMPTZ,
    ADD COLUMN profile_url_seen_at TIMESTAMPTZ;
UPDATE professors SET name_seen_at = updated_at,
                      email_seen_at = CASE WHEN email IS NOT NULL THEN updated_at END,
                      title_seen_at = CASE WHEN title IS NOT NULL THEN updated_at END,
                      department_seen_at = CASE WHEN department IS NOT NULL THEN updated_at END,
                      profile_url_seen_at = CASE WHEN profile_url IS NOT NULL THEN updated_at END;

ALTER TABLE papers
    ADD COLUMN title_seen_at   TIMESTAMPTZ,
    ADD COLUMN authors_seen_at TIMESTAMPTZ,
    ADD COLUMN venue_seen_at   TIMESTAMPTZ,
    ADD COLUMN url_seen_at     TIMESTAMPTZ;
UPDATE papers SET title_seen_at = updated_at,
                  authors_seen_at = CASE WHEN authors IS NOT NULL THEN updated_at END,
                  venue_seen_at = CASE WHEN venue IS NOT NULL THEN updated_at END,
                  url_seen_at = CASE WHEN url IS NOT NULL THEN updated_at END;


-- Title and year find a paper whether or not it has a DOI (the unique index covers only papers without one).
CREATE INDEX papers_title_year_idx ON papers (normalized_title, COALESCE(published_year, 0));

-- When the task's last error happened: the error with the latest time wins, whatever order the events arrive in.
ALTER TABLE crawl_tasks ADD COLUMN last_error_at TIMESTAMPTZ;
UPDATE crawl_tasks SET last_error_at = status_at WHERE last_error IS NOT NULL;
