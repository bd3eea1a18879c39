package io.univinsight.taskapi.service;

import java.time.Instant;

import io.univinsight.schema.UniversityChangeRecord;

/**
 * One entry of GET /api/changes.
 *
 * @param kind      joined (professor first seen), departed, returned, changed (a field replaced) or new_paper (paper first seen)
 * @param at        when it happened (the time of the crawl result that showed it)
 * @param field     for changed: title, email, department or university; otherwise null
 * @param oldValue  for changed: the value before; otherwise null
 * @param newValue  for changed: the value after; otherwise null
 * @param paperId   for new_paper: the paper; otherwise null
 */
public record ChangeView(String kind, Instant at, String university, Long professorId, String professorName, String field,
                         String oldValue, String newValue, Long paperId, String paperTitle) {

    public static ChangeView of(UniversityChangeRecord r) {
        return new ChangeView(r.kind, r.changedAt, r.universityName, r.professorId, r.professorName, r.field, r.oldValue, r.newValue,
                r.paperId, r.paperTitle);
    }
}
