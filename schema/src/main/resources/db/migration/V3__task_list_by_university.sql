-- task-api lists a university's tasks newest first (GET /api/tasks?university=..., with X-Total-Count):
-- without this index each page and its count read the whole of crawl_tasks.
CREATE INDEX crawl_tasks_university_created_idx ON crawl_tasks (university_name, created_at DESC, id DESC);
