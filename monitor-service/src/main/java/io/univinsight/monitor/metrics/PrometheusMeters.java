package io.univinsight.monitor.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.univinsight.events.CrawlResult;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.monitor.service.HealthRules;
import io.univinsight.monitor.service.Dashboard;
import io.univinsight.monitor.service.DashboardService;
import io.univinsight.monitor.service.TopUniversities;
import io.univinsight.monitor.streams.DurationStats;
import io.univinsight.monitor.streams.MetricsStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The metrics Grafana and the autoscaler read from /q/metrics. A scheduled refresh copies the
 * latest dashboard numbers into the values the meters report, so a scrape never queries the
 * stores or Kafka itself.
 *
 * <pre>
 * univinsight_tasks{status}                   gauge    tasks whose latest status is status (pending, running, retrying, completed, failed, cancelled)
 * univinsight_tasks_finished_total{status}    counter  tasks that ended completed, failed or cancelled
 * univinsight_queue_lag{priority}             gauge    tasks waiting: lag of group "crawler" (critical, high, normal, low, retry); -1 when unknown
 * univinsight_task_duration_seconds           histogram processing time of completed tasks (_bucket{le}, _count, _sum, _max)
 * univinsight_workers_active                  gauge    workers heard from within 15 s
 * univinsight_success_ratio                   gauge    completed / (completed + failed), 1 before any finished
 * univinsight_health_level                    gauge    0 healthy, 1 degraded, 2 critical
 * univinsight_university_tasks{university,status} gauge tasks per university: status total (submitted) or completed (stored a result)
 * univinsight_university_professors{university}   gauge professors found per university (a redelivered result counts once)
 * univinsight_university_papers{university}       gauge papers found per university
 * univinsight_pages_fetched_total             counter  pages of the tasks with a result (cache hits included)
 * univinsight_cache_hits_total                counter  pages answered 304 or with an unchanged body (not downloaded or extracted again)
 * univinsight_cache_bytes_saved_total         counter  bytes those pages had last time, not downloaded again
 * univinsight_cache_hit_ratio                 gauge    cache hits / pages, 0 before any page
 * univinsight_tasks_without_professors_total{reason} counter tasks that found no professor, by reason (CrawlResult.EMPTY_REASONS)
 * </pre>
 * Per-university series cover the universities the dashboard lists (the {@value TopUniversities#LIMIT} with the most
 * tasks, see TopUniversities), to bound their number.
 */
@Startup
@ApplicationScoped
public class PrometheusMeters {
    static final List<String> QUEUES = List.of(Priority.CRITICAL.wireName(), Priority.HIGH.wireName(),
            Priority.NORMAL.wireName(), Priority.LOW.wireName(), "retry");

    private final DashboardService dashboard;
    private final MultiGauge universityTasks;
    private final MultiGauge universityProfessors;
    private final MultiGauge universityPapers;
    private final MetricsStores stores;
    private final Timer duration;
    private final Map<String, AtomicLong> tasks = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private final AtomicLong workers = new AtomicLong();
    private final AtomicLong healthLevel = new AtomicLong();
    private volatile double successRatio = 1.0;
    private final AtomicLong pagesFetched = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong bytesSaved = new AtomicLong();
    private volatile double cacheHitRatio;
    private final Map<String, AtomicLong> withoutProfessors = new ConcurrentHashMap<>();
    /** How many completed durations the histogram has been fed (DurationStats.count()). */
    private long durationsFed;

    @Inject
    public PrometheusMeters(MeterRegistry registry, DashboardService dashboard, MetricsStores stores) {
        this.dashboard = dashboard;
        this.stores = stores;
        for (TaskStatus s : TaskStatus.values()) {
            String status = s.name().toLowerCase(java.util.Locale.ROOT);
            AtomicLong value = tasks.computeIfAbsent(status, k -> new AtomicLong());
            Gauge.builder("univinsight.tasks", value, AtomicLong::get).tag("status", status)
                    .description("Tasks whose latest status is this one").register(registry);
            if (s.isTerminal()) {
                // Terminal counts only grow: a counter, so rate() gives finished tasks per second.
                FunctionCounter.builder("univinsight.tasks.finished", value, AtomicLong::get).tag("status", status)
                        .description("Tasks that ended with this status").register(registry);
            }
        }
        for (String queue : QUEUES) {
            AtomicLong value = lag.computeIfAbsent(queue, k -> new AtomicLong(-1));
            Gauge.builder("univinsight.queue.lag", value, AtomicLong::get).tag("priority", queue)
                    .description("Tasks waiting: consumer lag of group crawler on this queue's topic, -1 when unknown")
                    .register(registry);
        }
        Gauge.builder("univinsight.workers.active", workers, AtomicLong::get)
                .description("Crawler workers heard from within the last 15 s").register(registry);
        Gauge.builder("univinsight.success.ratio", this, m -> m.successRatio)
                .description("completed / (completed + failed); 1 before any task finished").register(registry);
        Gauge.builder("univinsight.health.level", healthLevel, AtomicLong::get)
                .description("Crawl health: 0 healthy, 1 degraded, 2 critical").register(registry);
        // Sums over distinct results only grow (a redelivered result counts once): counters, so rate() works.
        FunctionCounter.builder("univinsight.pages.fetched", pagesFetched, AtomicLong::get)
                .description("Pages of the tasks with a result, cache hits included").register(registry);
        FunctionCounter.builder("univinsight.cache.hits", cacheHits, AtomicLong::get)
                .description("Pages answered 304 or with an unchanged body: not downloaded or extracted again").register(registry);
        FunctionCounter.builder("univinsight.cache.bytes.saved", bytesSaved, AtomicLong::get)
                .description("Bytes the cache hits had last time and did not cost again").register(registry);
        Gauge.builder("univinsight.cache.hit.ratio", this, m -> m.cacheHitRatio)
                .description("Cache hits / pages over every result; 0 before any page").register(registry);
        for (String reason : CrawlResult.EMPTY_REASONS) {
            FunctionCounter.builder("univinsight.tasks.without.professors", withoutProfessors.computeIfAbsent(reason, r -> new AtomicLong()),
                    AtomicLong::get).tag("reason", reason).description("Finished tasks that found no professor, by reason").register(registry);
        }
        universityTasks = MultiGauge.builder("univinsight.university.tasks")
                .description("Tasks per university: total submitted, or completed with a stored result").register(registry);
        universityProfessors = MultiGauge.builder("univinsight.university.professors")
                .description("Professors found per university").register(registry);
        universityPapers = MultiGauge.builder("univinsight.university.papers")
                .description("Papers found per university").register(registry);
        duration = Timer.builder("univinsight.task.duration")
                .description("Processing time of completed tasks, first start to completion")
                .serviceLevelObjectives(seconds(0.5), seconds(1), seconds(2), seconds(5), seconds(10), seconds(30),
                        seconds(60), seconds(120), seconds(300), seconds(600))
                .register(registry);
    }

    @Scheduled(every = "${monitor.metrics.refresh-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void refresh() {
        Dashboard d = dashboard.snapshot();
        Dashboard.Metrics m = d.metrics();
        tasks.get("pending").set(m.pending());
        tasks.get("running").set(m.running());
        tasks.get("retrying").set(m.retrying());
        tasks.get("completed").set(m.completed());
        tasks.get("failed").set(m.failed());
        tasks.get("cancelled").set(m.cancelled());
        for (String queue : QUEUES) {
            Long waiting = d.queue().waiting() == null ? null : d.queue().waiting().get(queue);
            lag.get(queue).set(waiting == null ? -1 : waiting);
        }
        workers.set(d.workers().size());
        successRatio = m.successRate();
        pagesFetched.set(m.pagesFetched());
        cacheHits.set(m.cacheHits());
        bytesSaved.set(m.bytesSaved());
        cacheHitRatio = m.cacheHitRate();
        // Known reasons only: a series per unknown string from the wire would be unbounded.
        withoutProfessors.forEach((reason, count) -> count.set(m.tasksWithoutProfessorsByReason().getOrDefault(reason, 0L)));
        if (!HealthRules.WARMING_UP.equals(d.health().status())) { // while warming up, the last verdict stands
            healthLevel.set(HealthRules.Status.valueOf(d.health().status().toUpperCase(java.util.Locale.ROOT)).ordinal());
        }
        feedDurations(stores.durations());
        publishUniversities(d.universities());
    }

    /** top: the dashboard's list, already bounded by TopUniversities. */
    private void publishUniversities(List<Dashboard.University> top) {
        List<MultiGauge.Row<?>> tasksRows = new java.util.ArrayList<>();
        for (Dashboard.University u : top) {
            tasksRows.add(MultiGauge.Row.of(Tags.of("university", u.university(), "status", "total"), u.tasks()));
            tasksRows.add(MultiGauge.Row.of(Tags.of("university", u.university(), "status", "completed"), u.results()));
        }
        universityTasks.register(tasksRows, true);
        universityProfessors.register(top.stream()
                .<MultiGauge.Row<?>>map(u -> MultiGauge.Row.of(Tags.of("university", u.university()), u.professors())).toList(), true);
        universityPapers.register(top.stream()
                .<MultiGauge.Row<?>>map(u -> MultiGauge.Row.of(Tags.of("university", u.university()), u.papers())).toList(), true);
    }

    /**
     * Records the durations completed since the last refresh. The store keeps the most recent
     * ones, so after a restart the histogram starts again from those (a counter reset to Prometheus).
     */
    private void feedDurations(DurationStats stats) {
        long fresh = stats.count() - durationsFed;
        if (fresh <= 0) {
            return;
        }
        List<Long> recent = stats.recentMs();
        int from = (int) Math.max(0, recent.size() - fresh);
        for (long ms : recent.subList(from, recent.size())) {
            duration.record(ms, TimeUnit.MILLISECONDS);
        }
        durationsFed = stats.count();
    }

    private static java.time.Duration seconds(double s) {
        return java.time.Duration.ofMillis((long) (s * 1000));
    }
}
