package io.univinsight.taskapi.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.taskapi.error.InvalidRequest;

/** The filters of GET /api/tasks, /api/professors, /api/papers and /api/changes, from their query parameters (null: not filtered). */
public final class ListingFilters {
    /** GET /api/changes without since: the last seven days. */
    public static final Duration DEFAULT_CHANGES_WINDOW = Duration.ofDays(7);

    /** Papers written by a professor of the university. */
    private static final String PAPERS_OF_UNIVERSITY = "id in (select l.paperId from ProfessorPaperLink l, ProfessorRecord p"
            + " where l.professorId = p.id and p.universityName = :university)";

    private ListingFilters() {
    }

    public static Filter tasks(String status, String university, String priority, String createdFrom, String createdTo) {
        return new Filter()
                .and("status = :status", "status", status == null ? null : enumValue("status", status, TaskStatus.class))
                .and("universityName = :university", "university", university)
                .and("priority = :priority", "priority", priority == null ? null : enumValue("priority", priority, Priority.class).wireName())
                .and("createdAt >= :from", "from", createdFrom == null ? null : instant("createdFrom", createdFrom))
                .and("createdAt < :to", "to", createdTo == null ? null : instant("createdTo", createdTo));
    }

    /** @param active "true": professors without departed_at; "false": the departed; null: all. */
    public static Filter professors(String university, String department, String title, String nameContains, String active) {
        Boolean onlyActive = active == null ? null : bool("active", active);
        return new Filter()
                .and(Boolean.TRUE.equals(onlyActive), "departedAt is null")
                .and(Boolean.FALSE.equals(onlyActive), "departedAt is not null")
                .and("universityName = :university", "university", university)
                .and("department = :department", "department", department)
                .and("lower(title) like :title", "title", Filter.contains(title))
                .and("lower(name) like :q", "q", Filter.contains(nameContains));
    }

    public static Filter papers(String doi, Integer yearFrom, Integer yearTo, String venue, String titleContains, String university) {
        return new Filter()
                .and("doi = :doi", "doi", doi == null ? null : doi.strip().toLowerCase(Locale.ROOT))
                .and("year >= :yearFrom", "yearFrom", yearFrom)
                .and("year <= :yearTo", "yearTo", yearTo)
                .and("lower(venue) like :venue", "venue", Filter.contains(venue))
                .and("lower(title) like :q", "q", Filter.contains(titleContains))
                .and(PAPERS_OF_UNIVERSITY, "university", university);
    }

    /** What happened at a university (all universities when null) at or after {@code since}. */
    public static Filter changes(String university, Instant since) {
        return new Filter()
                .and("universityName = :university", "university", university)
                .and("changedAt >= :since", "since", since);
    }

    /**
     * The since of GET /api/changes: an ISO-8601 instant (2026-01-31T00:00:00Z) or a date (2026-01-31, from the
     * start of that day in UTC); when absent, {@link #DEFAULT_CHANGES_WINDOW} before {@code now}.
     */
    public static Instant since(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return now.minus(DEFAULT_CHANGES_WINDOW);
        }
        String text = value.strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of("since", "must be an ISO-8601 instant like 2026-01-31T00:00:00Z or a date like 2026-01-31");
        }
    }

    static boolean bool(String field, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidRequest.of(field, "must be true or false");
        };
    }

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(field, "unknown value '" + value + "'");
        }
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequest.of(field, "must be an ISO-8601 instant like 2026-01-31T00:00:00Z");
        }
    }
}
