package io.univinsight.monitor.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What GET /api/dashboard and its SSE stream answer (JSON names in snake_case). universities lists
 * at most {@value TopUniversities#LIMIT} (see TopUniversities); universitiesNotShown counts the others.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Dashboard(Health health, Metrics metrics, List<Worker> workers, Queue queue, List<Hour> hourlyStats,
                        List<University> universities, int universitiesNotShown, Instant generatedAt) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Health(String status, List<String> reasons, String streamsState) {
    }

    /**
     * Task counts by latest status, success rate (completed / (completed + failed)) and processing times;
     * professors and papers found over every university, listed or not; pages loaded in the headless
     * browser and their average render time; tasks that found no professor, in all and by reason
     * (every reason of CrawlResult.EMPTY_REASONS, 0 when none).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Metrics(long totalTasks, long pending, long running, long retrying, long completed, long failed,
                          long cancelled, double successRate, long avgProcessingMs, long p50ProcessingMs,
                          long p95ProcessingMs, long professorsFound, long papersFound,
                          long pagesFetched, long cacheHits, double cacheHitRate, long bytesSaved,
                          long pagesRendered, long avgRenderMs, long tasksWithoutProfessors,
                          Map<String, Long> tasksWithoutProfessorsByReason) {

        /** Without cache figures (none yet). */
        public Metrics(long totalTasks, long pending, long running, long retrying, long completed, long failed,
                       long cancelled, double successRate, long avgProcessingMs, long p50ProcessingMs,
                       long p95ProcessingMs, long professorsFound, long papersFound) {
            this(totalTasks, pending, running, retrying, completed, failed, cancelled, successRate, avgProcessingMs,
                    p50ProcessingMs, p95ProcessingMs, professorsFound, papersFound, 0, 0, 0.0, 0, 0, 0, 0, Map.of());
        }

        /**
         * With the cache figures over every result: pages of the tasks, pages answered 304 or unchanged,
         * their share of the pages (hits / pages, 0 before any page) and the bytes they did not download again.
         */
        public Metrics withCache(long pages, long hits, double hitRate, long saved) {
            return new Metrics(totalTasks, pending, running, retrying, completed, failed, cancelled, successRate, avgProcessingMs,
                    p50ProcessingMs, p95ProcessingMs, professorsFound, papersFound, pages, hits, hitRate, saved,
                    pagesRendered, avgRenderMs, tasksWithoutProfessors, tasksWithoutProfessorsByReason);
        }

        /** With the pages rendered and their average time, and the tasks that found no professor by reason. */
        public Metrics withRendersAndEmptyTasks(long rendered, long avgRenderMs, Map<String, Long> emptyByReason) {
            return new Metrics(totalTasks, pending, running, retrying, completed, failed, cancelled, successRate, avgProcessingMs,
                    p50ProcessingMs, p95ProcessingMs, professorsFound, papersFound, pagesFetched, cacheHits, cacheHitRate, bytesSaved,
                    rendered, avgRenderMs, emptyByReason.values().stream().mapToLong(Long::longValue).sum(), emptyByReason);
        }
    }

    /** A worker heard from within the last 15 s. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Worker(String workerId, long completed, long failed, long busyMs, int inFlight, String currentTask,
                         Long currentTaskSeconds, Instant lastSeen) {
    }

    /** waiting: consumer lag of group "crawler" per queue (critical, high, normal, low, retry); null when unknown. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Queue(Map<String, Long> waiting, Long totalWaiting, boolean lagRising, long running, long completed,
                        long failed) {
    }

    /** Tasks that finished in one hour (window start), with their average processing time. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Hour(Instant hour, long tasks, long successes, long failures, long avgMs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record University(String university, long tasks, long results, long professors, long papers) {
    }
}
