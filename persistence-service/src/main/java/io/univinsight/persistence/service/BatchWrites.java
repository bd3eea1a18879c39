package io.univinsight.persistence.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.univinsight.persistence.metrics.RowsWritten;
import io.univinsight.persistence.metrics.WriteMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One transaction per batch, retried while the database is unavailable. When a batch fails for
 * a reason retrying cannot fix, its events are written one by one so that only the culprits are
 * refused (to the dead-letter topic) and every other event is still stored.
 */
@ApplicationScoped
public class BatchWrites {
    private static final Logger LOG = Logger.getLogger(BatchWrites.class);

    @Inject
    DataSource dataSource;
    @Inject
    WriteRetry retry;
    @Inject
    WriteMeters meters;

    /** Writes events in the caller's (transaction-less) connection work. */
    @FunctionalInterface
    public interface Write<T> {
        void write(Connection connection, List<T> events, RowsWritten rows) throws SQLException;
    }

    /** An event that can never be stored, and why. */
    public record Refused<T>(T event, String reason) {
    }

    /** Writes the batch; returns the events refused (usually none). Returns only once the rest is committed. */
    public <T> List<Refused<T>> write(String what, List<T> events, Write<T> write) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            retry.run(what, () -> inTransaction(events, write));
            return List.of();
        } catch (WriteRetry.Unwritable batchFailure) {
            if (events.size() == 1) {
                return List.of(new Refused<>(events.get(0), batchFailure.getMessage()));
            }
            LOG.warnf("a batch of %d %s cannot be written (%s); writing them one by one", events.size(), what, batchFailure.getMessage());
        }
        List<Refused<T>> refused = new ArrayList<>();
        for (T event : events) {
            try {
                retry.run(what, () -> inTransaction(List.of(event), write));
            } catch (WriteRetry.Unwritable e) {
                refused.add(new Refused<>(event, e.getMessage()));
            }
        }
        return refused;
    }

    private <T> void inTransaction(List<T> events, Write<T> write) {
        RowsWritten rows = new RowsWritten();
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                write.write(c, events, rows);
            } catch (SQLException e) {
                throw new DatabaseFailure(e);
            }
        });
        meters.committed(rows);
    }

    /** Carries a checked SQLException through the transaction boundary. */
    static final class DatabaseFailure extends RuntimeException {
        DatabaseFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
