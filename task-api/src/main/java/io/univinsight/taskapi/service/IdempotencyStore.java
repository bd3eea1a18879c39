package io.univinsight.taskapi.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.univinsight.taskapi.error.Conflict;
import io.univinsight.taskapi.error.IdempotencyKeyReused;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.service.IdempotencyStore.StoredAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Remembers the first answer per Idempotency-Key of each caller in PostgreSQL (shared by every
 * task-api instance) for 24 hours. A key is claimed before the work starts, so two concurrent retries
 * cannot both publish the task; after an unacknowledged send the claim keeps the task until a
 * retry learns its outcome.
 */
@ApplicationScoped
public class IdempotencyStore {
    private static final Logger LOG = Logger.getLogger(IdempotencyStore.class);
    public static final Duration KEEP = Duration.ofHours(24);

    @Inject
    DataSource dataSource;

    /**
     * An Idempotency-Key within its caller's scope (an API key's fingerprint, or "open"): callers
     * that happen to choose the same key never see each other's answers.
     */
    public record ScopedKey(String caller, String key) {
    }

    /** A stored answer: status, JSON body, Location. */
    public record StoredAnswer(int status, String body, String location) {
    }

    /**
     * The status column while the first request runs and nothing was sent yet (0), and once its
     * task is about to be sent until the broker acknowledged it (-1, the task's JSON in body).
     */
    static final int IN_PROGRESS = 0;
    static final int UNACKNOWLEDGED = -1;
    /** A claim with nothing sent for this long was left by a request that died (its database or process gone). */
    static final Duration ABANDONED = Duration.ofSeconds(30);

    /**
     * What a claim found: nothing (go on, then {@link #complete}), the answer to replay, or the
     * task of an earlier send whose outcome is unknown (send it again, then {@link #complete}).
     */
    public record Claim(StoredAnswer answer, String unacknowledgedTask) {
        public boolean isReplay() {
            return answer != null;
        }
    }

    /**
     * Claims the key for this request. Refuses a key reused for another request (422) or still in
     * progress (409).
     */
    public Claim claim(ScopedKey scoped, String requestBody) {
        validate(scoped.key());
        String hash = sha256(requestBody);
        return ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection()) {
                Instant now = Instant.now();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO task_api_idempotency_keys"
                        + " (caller, idempotency_key, request_hash, status, created_at) VALUES (?, ?, ?, 0, ?) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, scoped.caller());
                    insert.setString(2, scoped.key());
                    insert.setString(3, hash);
                    insert.setTimestamp(4, Timestamp.from(now));
                    if (insert.executeUpdate() == 1) {
                        return new Claim(null, null);
                    }
                }
                try (PreparedStatement abandoned = c.prepareStatement("UPDATE task_api_idempotency_keys SET created_at = ?"
                        + " WHERE caller = ? AND idempotency_key = ? AND request_hash = ? AND status = " + IN_PROGRESS + " AND created_at < ?")) {
                    abandoned.setTimestamp(1, Timestamp.from(now));
                    abandoned.setString(2, scoped.caller());
                    abandoned.setString(3, scoped.key());
                    abandoned.setString(4, hash);
                    abandoned.setTimestamp(5, Timestamp.from(now.minus(ABANDONED)));
                    if (abandoned.executeUpdate() == 1) {
                        return new Claim(null, null);
                    }
                }
                try (PreparedStatement select = c.prepareStatement("SELECT request_hash, status, body, location"
                        + " FROM task_api_idempotency_keys WHERE caller = ? AND idempotency_key = ?")) {
                    select.setString(1, scoped.caller());
                    select.setString(2, scoped.key());
                    try (ResultSet rs = select.executeQuery()) {
                        return decide(hash, rs.next() ? new StoredKey(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)) : null);
                    }
                }
            }
        });
    }

    /** A key's row as stored: the hash of its first request, its status column, body and Location. */
    record StoredKey(String requestHash, int status, String body, String location) {
    }

    /**
     * What a request learns from a key another request claimed first (null: released meanwhile):
     * the answer to replay, the unacknowledged task to send again, or why it cannot go on.
     */
    static Claim decide(String requestHash, StoredKey stored) {
        if (stored == null) {
            throw new Conflict("the Idempotency-Key was released meanwhile; send the request again");
        }
        if (!stored.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReused("this Idempotency-Key was used for a different request");
        }
        if (stored.status() == UNACKNOWLEDGED) {
            // Sent again by every retry until one is acknowledged: the same task id each time.
            return new Claim(null, stored.body());
        }
        if (stored.status() == IN_PROGRESS) {
            throw new Conflict("a request with this Idempotency-Key is still being processed", 1);
        }
        return new Claim(new StoredAnswer(stored.status(), stored.body(), stored.location()), null);
    }

    public void complete(ScopedKey scoped, int status, String body, String location) {
        ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement update = c.prepareStatement("UPDATE task_api_idempotency_keys SET status = ?, body = ?, location = ?"
                         + " WHERE caller = ? AND idempotency_key = ?")) {
                update.setInt(1, status);
                update.setString(2, body);
                update.setString(3, location);
                update.setString(4, scoped.caller());
                update.setString(5, scoped.key());
                update.executeUpdate();
                return null;
            }
        });
    }

    /**
     * Records the task about to be sent: until the broker acknowledged it, a retry with the same
     * key sends that task again instead of a new one, so a task that did reach the broker without
     * an acknowledgement is the one the client learns about (never a second task beside it).
     */
    public void unacknowledged(ScopedKey scoped, String taskJson) {
        ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement update = c.prepareStatement("UPDATE task_api_idempotency_keys SET status = " + UNACKNOWLEDGED
                         + ", body = ? WHERE caller = ? AND idempotency_key = ?")) {
                update.setString(1, taskJson);
                update.setString(2, scoped.caller());
                update.setString(3, scoped.key());
                update.executeUpdate();
                return null;
            }
        });
    }

    /** Frees the key after a failure before anything was sent (e.g. the database was down). */
    public void release(ScopedKey scoped) {
        ReadQueries.jdbc(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement delete = c.prepareStatement("DELETE FROM task_api_idempotency_keys"
                         + " WHERE caller = ? AND idempotency_key = ? AND status = 0")) {
                delete.setString(1, scoped.caller());
                delete.setString(2, scoped.key());
                delete.executeUpdate();
                return null;
            }
        });
    }

    @Scheduled(every = "1h", delayed = "1m")
    void forgetOldKeys() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM task_api_idempotency_keys WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(Instant.now().minus(KEEP)));
            int removed = delete.executeUpdate();
            LOG.debugf("forgot %d idempotency keys older than %s", removed, KEEP);
        } catch (SQLException e) {
            LOG.warnf("idempotency key clean-up failed: %s", e.getMessage());
        }
    }

    static void validate(String key) {
        if (key.isBlank() || key.length() > 200) {
            throw InvalidRequest.of("Idempotency-Key", "must be 1 to 200 characters");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
