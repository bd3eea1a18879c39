package io.univinsight.persistence.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;

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

    /**
     * A timestamptz column as an Instant. Read as an OffsetDateTime: the driver parses that with java.time, where
     * getTimestamp goes through a Calendar per value (a tenth of the write path's Java time, reading stored rows).
     */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** Thrown when another writer inserted a row between our lookup and our insert: the batch is retried. */
    static SQLException concurrentInsert(String table) {
        return new SQLException("a concurrent writer inserted into " + table + "; retrying the batch", "40001");
    }
}
