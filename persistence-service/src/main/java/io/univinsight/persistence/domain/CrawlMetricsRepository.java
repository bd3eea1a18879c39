package io.univinsight.persistence.domain;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** crawl_metrics queries beyond the batch writes. */
@ApplicationScoped
public class CrawlMetricsRepository implements PanacheRepository<CrawlMetricsEntity> {

    /** Deletes metrics rows created before the cutoff; returns how many. */
    public long deleteCreatedBefore(Instant cutoff) {
        return delete("createdAt < ?1", cutoff);
    }
}
