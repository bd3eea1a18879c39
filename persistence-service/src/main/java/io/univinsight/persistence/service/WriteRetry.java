package io.univinsight.persistence.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a database write until it succeeds, backing off exponentially (0.2 s doubling to 30 s).
 * The consuming thread waits meanwhile, so consumption pauses instead of skipping a record,
 * and resumes by itself when the database is back. Readiness reports the outage.
 */
@ApplicationScoped
public class WriteRetry {
    private static final Logger LOG = Logger.getLogger(WriteRetry.class);
    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(30);

    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    public void run(String what, Runnable write) {
        Duration wait = FIRST;
        while (true) {
            try {
                write.run();
                if (lastFailure.getAndSet(null) != null) {
                    LOG.infof("database writes resume with %s", what);
                }
                return;
            } catch (RuntimeException e) {
                lastFailure.set(e.getClass().getSimpleName() + ": " + rootMessage(e));
                LOG.warnf("writing %s failed (%s); retrying in %d ms", what, lastFailure.get(), wait.toMillis());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX) > 0 ? MAX : wait.multipliedBy(2);
            }
        }
    }

    /** The failure the writer is currently backing off from, or null when writes succeed. */
    public String currentFailure() {
        return lastFailure.get();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
