package io.univinsight.persistence.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.univinsight.events.CrawlResult;
import io.univinsight.persistence.domain.CrawlMetricsEntity;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.persistence.domain.CrawlResultEntity;
import io.univinsight.persistence.domain.CrawlTaskEntity;
import io.univinsight.persistence.domain.PaperEntity;
import io.univinsight.persistence.domain.ProfessorEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Stores one CrawlResult: its result and metrics rows once per task, and its professors and
 * papers merged into the existing rows. Applying the same result twice changes nothing.
 */
@ApplicationScoped
public class ResultWriter {
    @Inject
    TaskStateWriter tasks;
    @Inject
    ProfessorMerger professors;
    @Inject
    PaperMerger papers;

    @Transactional
    public void apply(CrawlResult result) {
        UUID taskId = UUID.fromString(result.taskId());
        Instant at = result.completedAt() == null ? Instant.now() : result.completedAt();
        CrawlTaskEntity task = tasks.lockOrCreate(taskId, result.url(), result.universityName(), at);
        if (CrawlResultEntity.count("taskId", taskId) == 0) {
            CrawlResultEntity row = new CrawlResultEntity();
            row.taskId = taskId;
            row.professorsCount = size(result.professors());
            row.papersCount = size(result.papers());
            row.pagesFetched = result.pagesFetched();
            row.accuracyScore = result.accuracyScore();
            row.extractionMethod = result.extractionMethod();
            row.createdAt = at;
            row.persistAndFlush();
        }
        tasks.transition(task, new TaskStatusChanged(TaskStatusChanged.SCHEMA_VERSION, result.taskId(), TaskStatus.COMPLETED,
                at, result.workerId(), result.attempt(), null, result.url(), result.universityName(), null));
        if (result.metrics() != null && CrawlMetricsEntity.count("taskId", taskId) == 0) {
            CrawlResult.Metrics m = result.metrics();
            CrawlMetricsEntity row = new CrawlMetricsEntity();
            row.taskId = taskId;
            row.totalTimeMs = m.totalMs();
            row.fetchTimeMs = m.fetchMs();
            row.parseTimeMs = m.parseMs();
            row.bytesFetched = m.bytes();
            row.pagesFetched = result.pagesFetched();
            row.httpErrors = m.httpErrors();
            row.cacheHit = m.cacheHit();
            row.jsRenderingTimeMs = m.jsRenderingMs();
            row.createdAt = at;
            row.persist();
        }
        Map<String, ProfessorEntity> byRef = new HashMap<>();
        if (result.professors() != null) {
            for (CrawlResult.Professor p : result.professors()) {
                ProfessorEntity row = professors.merge(result.universityName(), result.department(), p, at);
                if (row != null) {
                    byRef.put(ref(p), row);
                }
            }
        }
        if (result.papers() != null) {
            for (CrawlResult.Paper p : result.papers()) {
                PaperEntity paper = papers.merge(p, at);
                if (paper == null || p.professorRefs() == null) {
                    continue;
                }
                for (String ref : p.professorRefs()) {
                    ProfessorEntity owner = byRef.get(ref);
                    if (owner != null) {
                        owner.papers.add(paper);
                    }
                }
            }
        }
    }

    /** How a paper names its professor within one result: email, else name. */
    static String ref(CrawlResult.Professor p) {
        return p.email() != null && !p.email().isBlank() ? p.email().toLowerCase(java.util.Locale.ROOT) : Objects.toString(p.name(), "");
    }

    private static int size(java.util.List<?> list) {
        return list == null ? 0 : list.size();
    }
}
