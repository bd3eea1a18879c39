-- The five tables of UnivInsight and the professor-paper link. Owned by persistence-service.

CREATE TABLE crawl_tasks (
    id              UUID PRIMARY KEY,
    url             VARCHAR(2048) NOT NULL,
    university_name VARCHAR(100)  NOT NULL,
    department      VARCHAR(200),
    status          VARCHAR(16)   NOT NULL,
    priority        VARCHAR(16)   NOT NULL DEFAULT 'normal',
    max_depth       INT,
    max_pages       INT,
    -- attempt of the latest applied status event: orders RUNNING/RETRYING across retries
    attempt         INT           NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL,
    started_at      TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    status_at       TIMESTAMPTZ,
    retry_count     INT           NOT NULL DEFAULT 0,
    max_retries     INT           NOT NULL DEFAULT 3,
    last_error      TEXT,
    worker_id       VARCHAR(200)
);
CREATE INDEX crawl_tasks_status_idx ON crawl_tasks (status);
CREATE INDEX crawl_tasks_url_idx ON crawl_tasks (url);
CREATE INDEX crawl_tasks_created_at_idx ON crawl_tasks (created_at);

CREATE TABLE crawl_results (
    id                BIGSERIAL PRIMARY KEY,
    task_id           UUID NOT NULL UNIQUE REFERENCES crawl_tasks (id),
    professors_count  INT  NOT NULL,
    papers_count      INT  NOT NULL,
    pages_fetched     INT  NOT NULL,
    accuracy_score    INT,
    extraction_method VARCHAR(200),
    created_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE professors (
    id              BIGSERIAL PRIMARY KEY,
    university_name VARCHAR(100) NOT NULL,
    department      VARCHAR(200),
    name            VARCHAR(200) NOT NULL,
    -- case, accents, spacing and name order removed: one person, one key
    normalized_name VARCHAR(200) NOT NULL,
    email           VARCHAR(320),
    title           VARCHAR(200),
    profile_url     VARCHAR(2048),
    is_verified     BOOLEAN      NOT NULL DEFAULT FALSE,
    confidence      REAL,
    first_seen_at   TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    CONSTRAINT professors_university_name_uq UNIQUE (university_name, normalized_name)
);
CREATE UNIQUE INDEX professors_email_uq ON professors (email) WHERE email IS NOT NULL;
CREATE INDEX professors_university_department_idx ON professors (university_name, department);

CREATE TABLE papers (
    id               BIGSERIAL PRIMARY KEY,
    title            TEXT         NOT NULL,
    normalized_title TEXT         NOT NULL,
    authors          TEXT,
    published_year   INT,
    venue            TEXT,
    doi              VARCHAR(255),
    url              VARCHAR(2048),
    first_seen_at    TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX papers_doi_uq ON papers (doi) WHERE doi IS NOT NULL;
CREATE UNIQUE INDEX papers_title_year_uq ON papers (normalized_title, COALESCE(published_year, 0)) WHERE doi IS NULL;
CREATE INDEX papers_year_idx ON papers (published_year);

CREATE TABLE professor_papers (
    professor_id BIGINT NOT NULL REFERENCES professors (id) ON DELETE CASCADE,
    paper_id     BIGINT NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    PRIMARY KEY (professor_id, paper_id)
);
CREATE INDEX professor_papers_paper_idx ON professor_papers (paper_id);

CREATE TABLE crawl_metrics (
    id                    BIGSERIAL PRIMARY KEY,
    task_id               UUID NOT NULL UNIQUE REFERENCES crawl_tasks (id),
    total_time_ms         BIGINT  NOT NULL,
    fetch_time_ms         BIGINT  NOT NULL,
    parse_time_ms         BIGINT  NOT NULL,
    bytes_fetched         BIGINT  NOT NULL,
    pages_fetched         INT     NOT NULL,
    http_errors           INT     NOT NULL,
    cache_hit             BOOLEAN NOT NULL,
    js_rendering_time_ms  BIGINT  NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX crawl_metrics_created_at_idx ON crawl_metrics (created_at);
