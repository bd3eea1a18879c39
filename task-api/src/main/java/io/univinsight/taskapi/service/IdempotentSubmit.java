package io.univinsight.taskapi.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.EventJson;
import io.univinsight.taskapi.error.ApiError;
import io.univinsight.taskapi.error.Unavailable;
import io.univinsight.taskapi.service.IdempotencyStore.ScopedKey;
import io.univinsight.taskapi.service.IdempotencyStore.StoredAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A submit with an Idempotency-Key, within its caller's scope: the key is claimed first, its first
 * answer (a task or a problem) is kept and replayed to every retry, and a task whose send was not
 * acknowledged is sent again with the same id instead of a second task.
 */
@ApplicationScoped
public class IdempotentSubmit {
    @Inject
    TaskService tasks;
    @Inject
    IdempotencyStore idempotency;
    @Inject
    ObjectMapper json;

    /** The answer an error gets, as a key keeps it (the caller maps errors to problems). */
    @FunctionalInterface
    public interface ErrorAnswers {
        StoredAnswer of(ApiError error) throws JsonProcessingException;
    }

    /** A fresh answer, or the key's first answer replayed. */
    public record Outcome(TaskService.Submitted submitted, StoredAnswer replayed) {
        public boolean isReplay() {
            return replayed != null;
        }
    }

    /** @param caller the scope of the caller's keys (see {@link IdempotencyStore.ScopedKey}) */
    public Outcome submit(String caller, String idempotencyKey, String body, boolean force, ErrorAnswers errorAnswers)
            throws JsonProcessingException {
        ScopedKey key = new ScopedKey(caller, idempotencyKey);
        IdempotencyStore.Claim claim = idempotency.claim(key, body + "|force=" + force);
        if (claim.isReplay()) {
            return new Outcome(null, claim.answer());
        }
        String sentTask = claim.unacknowledgedTask();
        try {
            TaskService.Submitted submitted;
            if (sentTask != null) {
                submitted = tasks.send(EventJson.mapper().readValue(sentTask, CrawlTask.class));
            } else {
                TaskRequest request = TaskRequest.fromJson(body, json);
                var active = tasks.activeFor(request, force);
                if (active.isPresent()) {
                    submitted = active.get();
                } else {
                    CrawlTask task = tasks.newTask(request);
                    // Recorded before the send: whatever happens after it (no acknowledgement, the database
                    // or this process gone), a retry with this key sends this task again, never a second one.
                    String taskJson = EventJson.mapper().writeValueAsString(task);
                    idempotency.unacknowledged(key, taskJson);
                    sentTask = taskJson;
                    submitted = tasks.send(task);
                }
            }
            tasks.scheduleRecrawl(TaskRequest.fromJson(body, json));
            idempotency.complete(key, submitted.status(), json.writeValueAsString(submitted.task()), submitted.task().location());
            return new Outcome(submitted, null);
        } catch (ApiError e) {
            if (e instanceof Unavailable) {
                releaseOrKeep(key, sentTask); // a retry may succeed once the queue is back
            } else {
                StoredAnswer answer = errorAnswers.of(e);
                idempotency.complete(key, answer.status(), answer.body(), answer.location());
            }
            throw e;
        } catch (RuntimeException | JsonProcessingException e) {
            releaseOrKeep(key, sentTask);
            throw e;
        }
    }

    /** Nothing sent: the key is free again. A task possibly sent stays claimed until a retry learns its outcome. */
    private void releaseOrKeep(ScopedKey key, String sentTask) {
        if (sentTask == null) {
            idempotency.release(key);
        }
    }
}
