package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.univinsight.taskapi.error.Conflict;
import io.univinsight.taskapi.error.IdempotencyKeyReused;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.service.IdempotencyStore.Claim;
import io.univinsight.taskapi.service.IdempotencyStore.StoredKey;

/** What a request learns from a key claimed before it (the decisions; the SQL around them is covered by the ITs). */
class IdempotencyStoreTests {
    private static final String HASH = IdempotencyStore.sha256("{\"url\":\"https://a.example.edu/\"}|force=false");

    @Test
    void aFinishedKeyReplaysItsFirstAnswer() {
        Claim claim = IdempotencyStore.decide(HASH, new StoredKey(HASH, 202, "{\"taskId\":\"t1\"}", "/api/tasks/t1"));

        assertTrue(claim.isReplay());
        assertEquals(new IdempotencyStore.StoredAnswer(202, "{\"taskId\":\"t1\"}", "/api/tasks/t1"), claim.answer());
        assertNull(claim.unacknowledgedTask());
    }

    @Test
    void aRefusalIsReplayedLikeAnyAnswer() {
        Claim claim = IdempotencyStore.decide(HASH, new StoredKey(HASH, 400, "{\"status\":400}", null));

        assertEquals(400, claim.answer().status());
        assertNull(claim.answer().location());
    }

    @Test
    void anUnacknowledgedSendGivesBackItsTaskToSendAgain() {
        Claim claim = IdempotencyStore.decide(HASH, new StoredKey(HASH, IdempotencyStore.UNACKNOWLEDGED, "{\"taskId\":\"t1\"}", null));

        assertFalse(claim.isReplay());
        assertEquals("{\"taskId\":\"t1\"}", claim.unacknowledgedTask());
    }

    @Test
    void aKeyStillInProgressIsAConflictToRetryInASecond() {
        Conflict conflict = assertThrows(Conflict.class,
                () -> IdempotencyStore.decide(HASH, new StoredKey(HASH, IdempotencyStore.IN_PROGRESS, null, null)));

        assertEquals("a request with this Idempotency-Key is still being processed", conflict.getMessage());
        assertEquals(1, conflict.retryAfterSeconds());
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefusedWhateverItsState() {
        String other = IdempotencyStore.sha256("{\"url\":\"https://b.example.edu/\"}|force=false");

        assertThrows(IdempotencyKeyReused.class, () -> IdempotencyStore.decide(other, new StoredKey(HASH, 202, "{}", "/api/tasks/t1")));
        assertThrows(IdempotencyKeyReused.class, () -> IdempotencyStore.decide(other, new StoredKey(HASH, IdempotencyStore.IN_PROGRESS, null, null)));
    }

    @Test
    void aKeyReleasedBetweenTheClaimAndTheLookupIsAConflictToSendAgain() {
        Conflict conflict = assertThrows(Conflict.class, () -> IdempotencyStore.decide(HASH, null));

        assertEquals("the Idempotency-Key was released meanwhile; send the request again", conflict.getMessage());
        assertNull(conflict.retryAfterSeconds());
    }

    @Test
    void theForceFlagMakesAnotherRequest() {
        assertNotEquals(IdempotencyStore.sha256("{}|force=false"), IdempotencyStore.sha256("{}|force=true"));
        assertEquals(64, HASH.length(), "hex SHA-256");
    }

    @Test
    void aKeyIsOneTo200Characters() {
        IdempotencyStore.validate("k");
        IdempotencyStore.validate("k".repeat(200));

        assertThrows(InvalidRequest.class, () -> IdempotencyStore.validate(" "));
        InvalidRequest tooLong = assertThrows(InvalidRequest.class, () -> IdempotencyStore.validate("k".repeat(201)));
        assertEquals("Idempotency-Key", tooLong.errors().get(0).field());
    }
}
