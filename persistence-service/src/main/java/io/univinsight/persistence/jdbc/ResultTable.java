package io.univinsight.persistence.jdbc;

import static io.univinsight.persistence.jdbc.Jdbc.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import io.univinsight.events.CrawlResult;

/** crawl_results and crawl_metrics: one row each per task, the first result stored wins; one statement per table and batch. */
public final class ResultTable {

    /** A result to store with the task id and time it was resolved to. */
    public record Entry(UUID taskId, Instant at, CrawlResult result) {
    }

    private static final UnnestColumns<Entry> RESULT = new UnnestColumns<Entry>()
            .uuid("task_id", Entry::taskId)
            .integer("professors_count", e -> e.result().professors() == null ? 0 : e.result().professors().size())
            .integer("papers_count", e -> e.result().papers() == null ? 0 : e.result().papers().size())
            .integer("pages_fetched", e -> e.result().pagesFetched())
            .integer("accuracy_score", e -> e.result().accuracyScore())
            .text("extraction_method", e -> e.result().extractionMethod())
            .instant("created_at", Entry::at)
            .integer("cache_hits", e -> metrics(e) == null ? 0 : metrics(e).cacheHits())
            .bigint("bytes_saved", e -> metrics(e) == null ? 0 : metrics(e).bytesSaved())
            .text("empty_reason", e -> e.result().emptyReason())
            .integer("pages_rendered", e -> metrics(e) == null ? 0 : metrics(e).pagesRendered());
    /** Only for results that carry metrics. */
    private static final UnnestColumns<Entry> METRIC = new UnnestColumns<Entry>()
            .uuid("task_id", Entry::taskId)
            .bigint("total_time_ms", e -> metrics(e).totalMs())
            .bigint("fetch_time_ms", e -> metrics(e).fetchMs())
            .bigint("parse_time_ms", e -> metrics(e).parseMs())
            .bigint("bytes_fetched", e -> metrics(e).bytes())
            .integer("pages_fetched", e -> e.result().pagesFetched())
            .integer("http_errors", e -> metrics(e).httpErrors())
            .bool("cache_hit", e -> metrics(e).cacheHit())
            .bigint("js_rendering_time_ms", e -> metrics(e).jsRenderingMs())
            .instant("created_at", Entry::at)
            .bool("rendered", e -> metrics(e).pagesRendered() > 0);
    private static final String RESULTS = "INSERT INTO crawl_results (" + RESULT.names() + ") SELECT " + RESULT.values("r")
            + " FROM " + RESULT.unnest("r") + " ON CONFLICT (task_id) DO NOTHING RETURNING task_id";
    private static final String METRICS = "INSERT INTO crawl_metrics (" + METRIC.names() + ") SELECT " + METRIC.values("m")
            + " FROM " + METRIC.unnest("m") + " ON CONFLICT (task_id) DO NOTHING";

    private static CrawlResult.Metrics metrics(Entry e) {
        return e.result().metrics();
    }

    /** Stores the results and their metrics; returns the tasks whose result row this call inserted (not stored before). */
    public Set<UUID> insert(Connection c, Collection<Entry> entries) throws SQLException {
        Set<UUID> firstStored = new HashSet<>();
        if (!entries.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(RESULTS)) {
                RESULT.bind(c, ps, entries);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        firstStored.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        insert(c, METRIC, METRICS, entries.stream().filter(e -> metrics(e) != null).toList());
        return firstStored;
    }

    private static void insert(Connection c, UnnestColumns<Entry> columns, String sql, Collection<Entry> entries)
            throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            columns.bind(c, ps, entries);
            ps.executeUpdate();
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
