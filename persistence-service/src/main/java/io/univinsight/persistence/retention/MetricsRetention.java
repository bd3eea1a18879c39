package io.univinsight.persistence.retention;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.univinsight.persistence.domain.CrawlMetricsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Deletes crawl_metrics rows older than persistence.retention.metrics (e.g. 30d); the other tables are kept. */
@ApplicationScoped
public class MetricsRetention {
    private static final Logger LOG = Logger.getLogger(MetricsRetention.class);

    @Inject
    CrawlMetricsRepository metrics;

    @ConfigProperty(name = "persistence.retention.metrics")
    Duration keep;

    // A database outage only skips a run: the next one catches up.
    @Scheduled(every = "${persistence.retention.every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("metrics retention skipped: %s", e.getMessage());
        }
    }

    /** Deletes rows created before now minus the retention; returns how many. */
    @Transactional
    public long purge(Instant now) {
        long deleted = metrics.deleteCreatedBefore(now.minus(keep));
        if (deleted > 0) {
            LOG.infof("deleted %d crawl_metrics rows older than %s", deleted, keep);
        }
        return deleted;
    }
}
