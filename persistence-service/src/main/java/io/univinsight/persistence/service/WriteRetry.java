package io.univinsight.persistence.service;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a database write until it succeeds, backing off exponentially (0.2 s doubling to 30 s)
 * while the failure is the database's (connection lost, deadlock, shutdown, a concurrent
 * writer). The consuming thread waits meanwhile, so consumption pauses instead of skipping a
 * record, and resumes by itself when the database is back; readiness reports the outage. A
 * failure that retrying cannot fix (bad data, a bug) is thrown as {@link Unwritable}.
 */
@ApplicationScoped
public class WriteRetry {
    private static final Logger LOG = Logger.getLogger(WriteRetry.class);
    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(30);
    /** A unique violation that keeps coming back is not a race any more. */
    private static final int MAX_CONFLICT_RETRIES = 5;

    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    public void run(String what, Runnable write) {
        Duration wait = FIRST;
        int conflicts = 0;
        while (true) {
            try {
                write.run();
                if (lastFailure.getAndSet(null) != null) {
                    LOG.infof("database writes resume with %s", what);
                }
                return;
            } catch (RuntimeException e) {
                String state = sqlState(e);
                boolean conflict = "23505".equals(state) || "40001".equals(state) || "40P01".equals(state);
                if (!isTransient(e, state) || conflict && ++conflicts > MAX_CONFLICT_RETRIES) {
                    throw new Unwritable(describe(e), e);
                }
                if (!conflict) {
                    lastFailure.set(describe(e));
                }
                LOG.warnf("writing %s failed (%s); retrying in %d ms", what, describe(e), wait.toMillis());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX) > 0 ? MAX : wait.multipliedBy(2);
            }
        }
    }

    /** The failure the writer is currently backing off from, or null when writes succeed. */
    public String currentFailure() {
        return lastFailure.get();
    }

    /**
     * Database-side failures are transient: connection (08), resources (53), operator intervention
     * (57), transaction rollback (40), a unique race (23505), or no SQL state at all (pool,
     * transaction manager). Data exceptions (22), other constraint violations (23), statement
     * errors (42) and failures of our own code are not.
     */
    static boolean isTransient(Throwable e, String state) {
        if (state != null) {
            return state.startsWith("08") || state.startsWith("53") || state.startsWith("57") || state.startsWith("40")
                    || state.equals("23505") || state.startsWith("55") || state.startsWith("58") || state.startsWith("XX");
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException || t.getClass().getName().startsWith("jakarta.transaction")
                    || t.getClass().getName().startsWith("io.agroal") || t.getClass().getName().startsWith("com.arjuna")) {
                return true;
            }
        }
        return false;
    }

    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String state = sqlState(e);
        return root.getClass().getSimpleName() + (state == null ? "" : " [" + state + "]") + ": " + root.getMessage();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }

    /** A write that retrying will not fix; the reason goes with the refused event. */
    public static final class Unwritable extends RuntimeException {
        public Unwritable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
