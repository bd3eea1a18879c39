package io.univinsight.monitor.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.jboss.logging.Logger;

import io.univinsight.events.TaskStatus;
import io.univinsight.events.WorkerHeartbeat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Interactive queries of the topology's local state stores. While the stores are not
 * queryable (starting, rebalancing), or a stored value does not read, a read answers empty
 * rather than failing the whole dashboard.
 */
@ApplicationScoped
public class MetricsStores {
    private static final Logger LOG = Logger.getLogger(MetricsStores.class);

    @Inject
    KafkaStreams streams;

    public String streamsState() {
        return streams.state().name();
    }

    /** Tasks per latest status, every status present (lower-case names, 0 when none). */
    public Map<String, Long> tasksByStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s.name().toLowerCase(Locale.ROOT), 0L);
        }
        this.<Long>forEach(MetricsTopology.TASKS_BY_STATUS, (k, v) -> byStatus.put(k.toLowerCase(Locale.ROOT), v));
        return byStatus;
    }

    public DurationStats durations() {
        DurationStats d = keyValue(MetricsTopology.DURATIONS, MetricsTopology.ALL);
        return d == null ? DurationStats.empty() : d;
    }

    public ResultTotals cacheTotals() {
        ResultTotals c = keyValue(MetricsTopology.CACHE_TOTALS, MetricsTopology.ALL);
        return c == null ? ResultTotals.empty() : c;
    }

    public Map<String, Long> tasksByUniversity() {
        Map<String, Long> tasks = new LinkedHashMap<>();
        this.<Long>forEach(MetricsTopology.TASKS_BY_UNIVERSITY, tasks::put);
        return tasks;
    }

    public Map<String, UniversityStats> universities() {
        Map<String, UniversityStats> stats = new LinkedHashMap<>();
        this.<UniversityStats>forEach(MetricsTopology.UNIVERSITIES, stats::put);
        return stats;
    }

    public List<WorkerHeartbeat> heartbeats() {
        List<WorkerHeartbeat> beats = new ArrayList<>();
        this.<WorkerHeartbeat>forEach(MetricsTopology.WORKERS, (id, hb) -> {
            if (hb != null) {
                beats.add(hb);
            }
        });
        return beats;
    }

    /** Hour windows whose start lies in [from, to], oldest first; key is the window start. */
    public List<KeyValue<Instant, HourStats>> hours(Instant from, Instant to) {
        List<KeyValue<Instant, HourStats>> rows = new ArrayList<>();
        try {
            ReadOnlyWindowStore<String, HourStats> store = streams.store(
                    StoreQueryParameters.fromNameAndType(MetricsTopology.HOURLY, QueryableStoreTypes.windowStore()));
            try (var it = store.fetch(MetricsTopology.ALL, from, to)) {
                it.forEachRemaining(kv -> rows.add(KeyValue.pair(Instant.ofEpochMilli(kv.key), kv.value)));
            }
        } catch (InvalidStateStoreException e) {
            LOG.debugf("store %s not queryable: %s", MetricsTopology.HOURLY, e.getMessage());
        } catch (SerializationException e) {
            LOG.warnf("store %s holds an unreadable value: %s", MetricsTopology.HOURLY, e.getMessage());
        }
        return rows;
    }

    private <V> V keyValue(String storeName, String key) {
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
            return store.get(key);
        } catch (InvalidStateStoreException e) {
            LOG.debugf("store %s not queryable: %s", storeName, e.getMessage());
            return null;
        } catch (SerializationException e) {
            LOG.warnf("store %s holds an unreadable value: %s", storeName, e.getMessage());
            return null;
        }
    }

    private <V> void forEach(String storeName, BiConsumer<String, V> action) {
        try {
            ReadOnlyKeyValueStore<String, V> store = streams.store(
                    StoreQueryParameters.fromNameAndType(storeName, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, V> it = store.all()) {
                it.forEachRemaining(kv -> action.accept(kv.key, kv.value));
            }
        } catch (InvalidStateStoreException e) {
            LOG.debugf("store %s not queryable: %s", storeName, e.getMessage());
        } catch (SerializationException e) {
            LOG.warnf("store %s holds an unreadable value: %s", storeName, e.getMessage());
        }
    }
}
