-- Issue 14: a task's render mode (auto, always, never), kept so a retry renders as the task asked.
-- Whether some page of a task was loaded in the headless browser (crawl_metrics.rendered, beside
-- cache_hit; js_rendering_time_ms holds their time) and how many (crawl_results.pages_rendered, beside
-- cache_hits: results outlive the metrics' retention). How a professor's email was shown where it was
-- not plain text ('image': read by OCR).
ALTER TABLE crawl_tasks ADD COLUMN render VARCHAR(10) NOT NULL DEFAULT 'auto';
ALTER TABLE crawl_metrics ADD COLUMN rendered BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE crawl_results ADD COLUMN pages_rendered INT NOT NULL DEFAULT 0;
ALTER TABLE professors ADD COLUMN email_form VARCHAR(20);
