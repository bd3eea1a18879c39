package io.univinsight.taskapi.service;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.univinsight.taskapi.error.Unavailable;

/** Database calls that fail (database down, schema not migrated yet) answer 503, not 500. */
public final class ReadQueries {
    private static final Logger LOG = Logger.getLogger(ReadQueries.class);

    private ReadQueries() {
    }

    public static <T> T run(Supplier<T> query) {
        try {
            return query.get();
        } catch (jakarta.persistence.PersistenceException e) {
            LOG.warnf("database read failed: %s", e.getMessage());
            throw new Unavailable("the database is unavailable", 5);
        }
    }

    /** A JDBC call; SQLException means the database is unavailable. */
    public static <T> T jdbc(JdbcCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            LOG.warnf("database call failed: %s", e.getMessage());
            throw new Unavailable("the database is unavailable", 5);
        }
    }

    @FunctionalInterface
    public interface JdbcCall<T> {
        T run() throws SQLException;
    }
}
