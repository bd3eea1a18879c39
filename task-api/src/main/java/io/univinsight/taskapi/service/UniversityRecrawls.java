package io.univinsight.taskapi.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.univinsight.events.Priority;
import io.univinsight.taskapi.error.FieldError;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.error.NotFound;
import io.univinsight.taskapi.service.RecrawlSchedules.Schedule;
import io.univinsight.taskapi.service.RecrawlSchedules.StartUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A university's recrawl schedule (set, shown, removed) and its recrawl on demand. */
@ApplicationScoped
public class UniversityRecrawls {
    @Inject
    RecrawlSchedules schedules;
    @Inject
    TaskService tasks;

    /** The body of PUT /api/universities/{name}/schedule: an interval and an optional priority (normal). */
    public record ScheduleRequest(String every, String priority) {
    }

    /** One schedule as shown: a start URL's (url set) or the whole university's. */
    public record ScheduleEntry(String url, String every, String priority, Instant nextDueAt, Instant lastSubmittedAt) {
        static ScheduleEntry of(Schedule s) {
            return new ScheduleEntry(s.startUrl(), RecrawlInterval.format(s.every()), s.priority().wireName(), s.nextDueAt(), s.lastSubmittedAt());
        }
    }

    /** GET .../schedule: the university's own schedule (null when only start URLs have one) and its start URLs'. */
    public record ScheduleView(String university, ScheduleEntry schedule, List<ScheduleEntry> startUrls) {
    }

    /** POST .../recrawl: one task per start URL (an already active task is answered as it is, like a submit's 200). */
    public record RecrawlOutcome(String university, int startUrls, int submitted, List<TaskView> tasks) {
    }

    public ScheduleView schedule(String university, ScheduleRequest request) {
        String name = validName(university);
        List<FieldError> errors = new ArrayList<>();
        Duration every = null;
        Priority priority = null;
        if (request == null) {
            throw InvalidRequest.of("body", "a JSON object with \"every\" (e.g. \"7d\") is required");
        }
        try {
            every = RecrawlInterval.parse(request.every());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("every", e.getMessage()));
        }
        if (request.priority() != null && request.priority().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("priority", "contains control characters"));
        } else {
            try {
                priority = Priority.parse(request.priority());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("priority", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        if (schedules.startUrls(name).isEmpty()) {
            throw unknown(name);
        }
        schedules.scheduleUniversity(name, priority, every, Instant.now());
        return schedule(name);
    }

    public ScheduleView schedule(String university) {
        String name = validName(university);
        List<Schedule> rows = schedules.ofUniversity(name);
        if (rows.isEmpty()) {
            throw new NotFound("university " + name + " has no recrawl schedule");
        }
        ScheduleEntry own = rows.stream().filter(Schedule::coversWholeUniversity).findFirst().map(ScheduleEntry::of).orElse(null);
        return new ScheduleView(name, own, rows.stream().filter(s -> !s.coversWholeUniversity()).map(ScheduleEntry::of).toList());
    }

    /** Removes the university's schedule and those of its start URLs: nothing of it is recrawled on its own any more. */
    public void unschedule(String university) {
        String name = validName(university);
        if (schedules.unschedule(name) == 0) {
            throw new NotFound("university " + name + " has no recrawl schedule");
        }
    }

    /** Submits now one task per start URL, each with its latest task's parameters and priority. */
    public RecrawlOutcome recrawlNow(String university, boolean force) {
        String name = validName(university);
        List<StartUrl> starts = schedules.startUrls(name);
        if (starts.isEmpty()) {
            throw unknown(name);
        }
        List<TaskView> submitted = new ArrayList<>();
        int fresh = 0;
        for (StartUrl start : starts) {
            TaskService.Submitted outcome = tasks.submit(new TaskRequest(start.url(), name, start.department(), start.priority().wireName(),
                    start.maxDepth(), start.maxPages()), force);
            fresh += outcome.status() == 202 ? 1 : 0;
            submitted.add(outcome.task());
        }
        return new RecrawlOutcome(name, starts.size(), fresh, submitted);
    }

    private static NotFound unknown(String name) {
        return new NotFound("university " + name + " has no start URL: submit a task for it first");
    }

    private static String validName(String university) {
        if (university == null || university.isBlank()) {
            throw InvalidRequest.of("name", "is required");
        }
        String name = university.strip();
        if (name.length() > 100) {
            throw InvalidRequest.of("name", "must be at most 100 characters");
        }
        String problem = StorableText.problem(name, true);
        if (problem != null) {
            throw InvalidRequest.of("name", problem);
        }
        return name;
    }
}
