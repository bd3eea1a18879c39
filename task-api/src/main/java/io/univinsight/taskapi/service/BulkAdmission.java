package io.univinsight.taskapi.service;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.univinsight.taskapi.config.ApiAccessConfig;
import io.univinsight.taskapi.error.Busy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Lets at most api.bulk.concurrency bulk requests hold their bodies at once (up to 8 MB each, and
 * their parsed tasks); a request that finds no turn within api.bulk.max-wait gets a 429 with Retry-After.
 */
@ApplicationScoped
public class BulkAdmission {
    private final Semaphore turns;
    private final long waitMillis;

    @Inject
    public BulkAdmission(ApiAccessConfig config) {
        this.turns = new Semaphore(config.bulk().concurrency(), true);
        this.waitMillis = config.bulk().maxWait().toMillis();
    }

    /** A bulk request's turn; closing it gives it back. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    public Turn enter() {
        boolean entered;
        try {
            entered = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw new Busy("too many bulk requests in progress; retry shortly", 1);
        }
        return turns::release;
    }
}
