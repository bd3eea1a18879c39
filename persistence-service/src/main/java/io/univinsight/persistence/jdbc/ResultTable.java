package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import io.univinsight.events.CrawlResult;

/** crawl_results and crawl_metrics: one row each per task, the first result stored wins. */
public final class ResultTable {

    /** A result to store with the task id and time it was resolved to. */
    public record Entry(UUID taskId, Instant at, CrawlResult result) {
    }

    public void insert(Connection c, Collection<Entry> entries) throws SQLException {
        try (PreparedStatement results = c.prepareStatement("INSERT INTO crawl_results (task_id, professors_count, papers_count, "
                + "pages_fetched, accuracy_score, extraction_method, created_at, cache_hits, bytes_saved, empty_reason, "
                + "pages_rendered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (task_id) DO NOTHING");
             PreparedStatement metrics = c.prepareStatement("INSERT INTO crawl_metrics (task_id, total_time_ms, fetch_time_ms, "
                     + "parse_time_ms, bytes_fetched, pages_fetched, http_errors, cache_hit, js_rendering_time_ms, created_at, "
                     + "rendered) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id) DO NOTHING")) {
            int metricRows = 0;
            for (Entry e : entries) {
                CrawlResult r = e.result();
                results.setObject(1, e.taskId());
                results.setInt(2, r.professors() == null ? 0 : r.professors().size());
                results.setInt(3, r.papers() == null ? 0 : r.papers().size());
                results.setInt(4, r.pagesFetched());
                results.setInt(5, r.accuracyScore());
                results.setString(6, r.extractionMethod());
                setInstant(results, 7, e.at());
                CrawlResult.Metrics m = r.metrics();
                results.setInt(8, m == null ? 0 : m.cacheHits());
                results.setLong(9, m == null ? 0 : m.bytesSaved());
                results.setString(10, r.emptyReason());
                results.setInt(11, m == null ? 0 : m.pagesRendered());
                results.addBatch();
                if (m != null) {
                    metrics.setObject(1, e.taskId());
                    metrics.setLong(2, m.totalMs());
                    metrics.setLong(3, m.fetchMs());
                    metrics.setLong(4, m.parseMs());
                    metrics.setLong(5, m.bytes());
                    metrics.setInt(6, r.pagesFetched());
                    metrics.setInt(7, m.httpErrors());
                    metrics.setBoolean(8, m.cacheHit());
                    metrics.setLong(9, m.jsRenderingMs());
                    setInstant(metrics, 10, e.at());
                    metrics.setBoolean(11, m.pagesRendered() > 0);
                    metrics.addBatch();
                    metricRows++;
                }
            }
            if (!entries.isEmpty()) {
                results.executeBatch();
            }
            if (metricRows > 0) {
                metrics.executeBatch();
            }
        }
    }

    /** Deletes crawl_metrics rows created before the cutoff; returns how many (retention: crawl_results stay). */
    public int deleteMetricsCreatedBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM crawl_metrics WHERE created_at < ?")) {
            setInstant(delete, 1, cutoff);
            return delete.executeUpdate();
        }
    }
}
