package io.univinsight.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Small JDBC conversions shared by the table classes. */
final class Jdbc {
    private Jdbc() {
    }

    static void setInstant(PreparedStatement ps, int i, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(i, Timestamp.from(value));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static void setInteger(PreparedStatement ps, int i, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, value);
        }
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Executes a batch of INSERT ... ON CONFLICT DO NOTHING and counts the rows it inserted (update counts are unknown when rewritten). */
    static int executeCountingKeys(PreparedStatement insert) throws SQLException {
        insert.executeBatch();
        int n = 0;
        try (ResultSet keys = insert.getGeneratedKeys()) {
            while (keys.next()) {
                n++;
            }
        }
        return n;
    }

    /** Thrown when another writer inserted a row between our lookup and our insert: the batch is retried. */
    static SQLException concurrentInsert(String table) {
        return new SQLException("a concurrent writer inserted into " + table + "; retrying the batch", "40001");
    }
}
