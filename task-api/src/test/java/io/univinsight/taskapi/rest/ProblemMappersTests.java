package io.univinsight.taskapi.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.univinsight.taskapi.error.ApiError;
import io.univinsight.taskapi.error.BodyTooLarge;
import io.univinsight.taskapi.error.Busy;
import io.univinsight.taskapi.error.Conflict;
import io.univinsight.taskapi.error.FieldError;
import io.univinsight.taskapi.error.IdempotencyKeyReused;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.error.NotFound;
import io.univinsight.taskapi.error.TooManyTasks;
import io.univinsight.taskapi.error.Unavailable;
import io.univinsight.taskapi.error.UnreadableBody;

class ProblemMappersTests {

    @Test
    void jacksonMessagesLoseTheirJavaTypeNames() {
        String m = ProblemMappers.withoutJavaNames("Cannot construct instance of `io.univinsight.taskapi.service.TaskRequest` "
                + "(no Creators): cannot deserialize value of type `java.lang.Integer` from String \"x\"");
        org.junit.jupiter.api.Assertions.assertFalse(m.contains("io.univinsight") || m.contains("java.lang"), m);
        org.junit.jupiter.api.Assertions.assertTrue(m.contains("instance of task") && m.contains("type whole number"), m);
    }

    @Test
    void everyErrorHasItsStatusAndTitle() {
        assertProblem(400, "Invalid request", InvalidRequest.of("url", "is required"));
        assertProblem(400, "Bad request", new UnreadableBody("the body could not be read: reset"));
        assertProblem(404, "Not found", new NotFound("no task x"));
        assertProblem(409, "Conflict", new Conflict("task x is RUNNING"));
        assertProblem(413, "Payload too large", new BodyTooLarge("the body has more than 10 bytes"));
        assertProblem(413, "Too many tasks", new TooManyTasks("a bulk request holds at most 10000 tasks"));
        assertProblem(422, "Idempotency-Key reused", new IdempotencyKeyReused("used for a different request"));
        assertProblem(429, "Too many requests", new Busy("too many bulk requests", 1));
        assertProblem(503, "Service unavailable", new Unavailable("the database is unavailable", 5));
    }

    @Test
    void aSubtypeAnswersAsItsSupertype() {
        class QueueSilent extends Unavailable {
            QueueSilent() {
                super("no acknowledgement", 5);
            }
        }
        assertProblem(503, "Service unavailable", new QueueSilent());
    }

    @Test
    void theBodyCarriesTheDetailTheInstanceAndEachField() {
        Problem problem = ProblemMappers.problem(new InvalidRequest(List.of(new FieldError("url", "is required"),
                new FieldError("maxDepth", "must be between 0 and 5"))), "/api/tasks");

        assertEquals(new Problem("about:blank", "Invalid request", 400, "2 fields are invalid", "/api/tasks",
                List.of(new FieldError("url", "is required"), new FieldError("maxDepth", "must be between 0 and 5"))), problem);
        assertEquals("url: is required", InvalidRequest.of("url", "is required").getMessage(), "one field names itself in the detail");
        assertNull(ProblemMappers.problem(new NotFound("no task x"), "/api/tasks/x").errors());
    }

    private static void assertProblem(int status, String title, ApiError error) {
        Problem problem = ProblemMappers.problem(error, "/api/x");
        assertEquals(status, problem.status(), error.getClass().getSimpleName());
        assertEquals(title, problem.title(), error.getClass().getSimpleName());
        assertEquals(error.getMessage(), problem.detail());
    }
}
