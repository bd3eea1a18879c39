package io.univinsight.persistence.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * univinsight_persistence_rows_written_total{table}: rows inserted or updated by committed
 * batches (Grafana's database write rate). crawl_results and crawl_metrics count the results
 * offered: a redelivered result that the database ignores (first one wins) is counted again.
 */
@ApplicationScoped
public class WriteMeters {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    public WriteMeters(MeterRegistry registry) {
        this.registry = registry;
        for (String table : new String[] {"crawl_tasks", "crawl_results", "crawl_metrics", "professors", "papers", "professor_papers"}) {
            counter(table);
        }
    }

    public void committed(RowsWritten rows) {
        rows.byTable().forEach((table, count) -> counter(table).increment(count));
    }

    private Counter counter(String table) {
        return counters.computeIfAbsent(table, t -> Counter.builder("univinsight.persistence.rows.written").tag("table", t)
                .description("Rows inserted or updated by committed batches").register(registry));
    }
}
