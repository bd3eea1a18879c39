package io.univinsight.taskapi.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.taskapi.domain.ResultRecord;
import io.univinsight.taskapi.domain.TaskRecord;
import io.univinsight.taskapi.messaging.TaskPublisher;
import io.univinsight.taskapi.rest.Problem.FieldError;
import io.univinsight.taskapi.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Submitting tasks and reading their state. */
@ApplicationScoped
public class TaskService {
    private static final Logger LOG = Logger.getLogger(TaskService.class);

    @Inject
    TaskPublisher publisher;
    @Inject
    RecentSubmissions recent;

    /** Validates, writes to Kafka durably, and returns the PENDING view. */
    public TaskView submit(TaskRequest request) {
        List<FieldError> errors = TaskRequestValidator.validate(request);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest(errors);
        }
        CrawlTask task = new CrawlTask(CrawlTask.SCHEMA_VERSION, UUID.randomUUID().toString(), request.url().strip(),
                request.universityName().strip(), blankToNull(request.department()), Priority.parse(request.priority()),
                request.maxDepth() == null ? TaskRequestValidator.DEFAULT_MAX_DEPTH : request.maxDepth(),
                request.maxPages() == null ? TaskRequestValidator.DEFAULT_MAX_PAGES : request.maxPages(),
                Instant.now(), 1, null);
        try {
            publisher.publish(task);
        } catch (TaskPublisher.PublishFailedException e) {
            LOG.warnf("refusing task for %s: %s (%s)", task.url(), e.getMessage(), e.getCause());
            throw ProblemException.unavailable("the task queue is unavailable; the task was not accepted", 5);
        }
        TaskView view = TaskView.pending(task);
        recent.remember(view);
        return view;
    }

    public Optional<TaskView> find(String taskId) {
        UUID id;
        try {
            id = UUID.fromString(taskId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(List.of(new FieldError("id", "is not a task id (UUID)")));
        }
        TaskRecord row = ReadQueries.run(() -> TaskRecord.findById(id));
        if (row == null) {
            return recent.find(taskId);
        }
        ResultRecord result = ReadQueries.run(() -> ResultRecord.find("taskId", id).firstResult());
        return Optional.of(TaskView.of(row, result));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
