package io.univinsight.persistence.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.univinsight.persistence.jdbc.ResultTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Deletes crawl_metrics rows older than persistence.retention.metrics (e.g. 30d); the other tables are kept. */
@ApplicationScoped
public class MetricsRetention {
    private static final Logger LOG = Logger.getLogger(MetricsRetention.class);

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "persistence.retention.metrics")
    Duration keep;

    private final ResultTable results = new ResultTable();

    // A database outage only skips a run: the next one catches up.
    @Scheduled(every = "${persistence.retention.every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge(Instant.now());
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("metrics retention skipped: %s", e.getMessage());
        }
    }

    /** Deletes rows created before now minus the retention (one statement, its own transaction); returns how many. */
    public long purge(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long deleted = results.deleteMetricsCreatedBefore(c, now.minus(keep));
            if (deleted > 0) {
                LOG.infof("deleted %d crawl_metrics rows older than %s", deleted, keep);
            }
            return deleted;
        }
    }
}
