package io.univinsight.monitor.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.univinsight.events.CrawlResult;
import io.univinsight.events.WorkerHeartbeat;
import io.univinsight.monitor.queue.QueueSnapshot;
import io.univinsight.monitor.queue.QueueWatch;
import io.univinsight.monitor.streams.ResultTotals;
import io.univinsight.monitor.streams.DurationStats;
import io.univinsight.monitor.streams.MetricsStores;
import io.univinsight.monitor.streams.UniversityStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Assembles one dashboard snapshot from the state stores, the last queue sample and the health rules. */
@ApplicationScoped
public class DashboardService {
    /** A worker not heard from for this long is gone. */
    public static final Duration WORKER_SILENCE = Duration.ofSeconds(15);
    /** How far back hourly_stats reaches. */
    public static final Duration HOURLY_SPAN = Duration.ofHours(24);

    @Inject
    MetricsStores stores;
    @Inject
    QueueWatch queueWatch;

    private final Clock clock = Clock.systemUTC();

    public Dashboard snapshot() {
        Instant now = clock.instant();
        Map<String, Long> byStatus = stores.tasksByStatus();
        DurationStats durations = stores.durations();
        long completed = byStatus.get("completed");
        long failed = byStatus.get("failed");
        double successRate = successRate(completed, failed);

        // The totals sum every university; the list shows only the top ones.
        List<Dashboard.University> allUniversities = universities();
        TopUniversities top = TopUniversities.of(allUniversities);
        Dashboard.Metrics metrics = new Dashboard.Metrics(
                byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus.get("pending"), byStatus.get("running"), byStatus.get("retrying"), completed, failed,
                byStatus.get("cancelled"), round4(successRate), Math.round(durations.averageMs()),
                durations.percentileMs(0.50), durations.percentileMs(0.95),
                allUniversities.stream().mapToLong(Dashboard.University::professors).sum(),
                allUniversities.stream().mapToLong(Dashboard.University::papers).sum());

        List<Dashboard.Worker> workers = activeWorkers(now);
        ResultTotals cache = stores.cacheTotals();
        metrics = metrics.withCache(cache.pages(), cache.cacheHits(), round4(cache.hitRate()), cache.bytesSaved())
                .withRendersAndEmptyTasks(cache.pagesRendered(),
                        cache.pagesRendered() == 0 ? 0 : cache.renderMs() / cache.pagesRendered(), emptyByReason(cache));
        QueueSnapshot q = queueWatch.latest();
        Dashboard.Queue queue = new Dashboard.Queue(q.known() ? q.waiting() : null, q.known() ? q.totalWaiting() : null,
                q.lagRising(), metrics.running(), completed, failed);

        HealthRules.Verdict verdict = HealthRules.judge(new HealthRules.Inputs(completed + failed, successRate,
                q.known() ? q.totalWaiting() : 0, workers.size(), q.known(), q.lagRising()));
        String streamsState = stores.streamsState();
        Dashboard.Health health = HealthRules.viewReady(streamsState)
                ? new Dashboard.Health(verdict.status().wireName(), verdict.reasons(), streamsState)
                : new Dashboard.Health(HealthRules.WARMING_UP,
                        List.of("the metrics view is starting (Kafka Streams " + streamsState + "): figures are not complete yet"), streamsState);
        return new Dashboard(health, metrics, workers, queue, hours(now), top.shown(), top.notShown(), now);
    }

    /** Every known reason (0 when none), then any other a newer crawler sent, in a stable order. */
    static Map<String, Long> emptyByReason(ResultTotals totals) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        CrawlResult.EMPTY_REASONS.forEach(reason -> byReason.put(reason, totals.withoutProfessors(reason)));
        new TreeMap<>(totals.emptyByReason()).forEach(byReason::putIfAbsent);
        return byReason;
    }

    /** Completed share of finished tasks (cancelled ones are neither); 1.0 before any finished. */
    static double successRate(long completed, long failed) {
        long finished = completed + failed;
        return finished == 0 ? 1.0 : (double) completed / finished;
    }

    private List<Dashboard.Worker> activeWorkers(Instant now) {
        List<Dashboard.Worker> workers = new ArrayList<>();
        for (WorkerHeartbeat hb : stores.heartbeats()) {
            if (hb.at() != null && hb.at().isAfter(now.minus(WORKER_SILENCE))) {
                Long running = hb.currentTaskId() == null || hb.currentTaskSince() == null ? null
                        : Math.max(0, Duration.between(hb.currentTaskSince(), now).toSeconds());
                workers.add(new Dashboard.Worker(hb.workerId(), hb.completed(), hb.failed(), hb.busyMs(), hb.inFlight(),
                        hb.currentTaskId(), running, hb.at()));
            }
        }
        return workers;
    }

    /** Every university seen in task events or results, in no particular order. */
    private List<Dashboard.University> universities() {
        Map<String, Long> tasks = stores.tasksByUniversity();
        Map<String, UniversityStats> results = stores.universities();
        HashSet<String> names = new HashSet<>(tasks.keySet());
        names.addAll(results.keySet());
        List<Dashboard.University> rows = new ArrayList<>();
        for (String name : names) {
            UniversityStats s = results.getOrDefault(name, UniversityStats.empty());
            long taskCount = tasks.getOrDefault(name, 0L);
            if (taskCount > 0 || s.results() > 0) {
                rows.add(new Dashboard.University(name, taskCount, s.results(), s.professors(), s.papers()));
            }
        }
        return rows;
    }

    private List<Dashboard.Hour> hours(Instant now) {
        Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
        List<Dashboard.Hour> rows = new ArrayList<>();
        stores.hours(thisHour.minus(HOURLY_SPAN), thisHour).forEach(kv -> rows.add(new Dashboard.Hour(kv.key,
                kv.value.tasks(), kv.value.successes(), kv.value.failures(), kv.value.averageMs())));
        return rows;
    }

    private static double round4(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
