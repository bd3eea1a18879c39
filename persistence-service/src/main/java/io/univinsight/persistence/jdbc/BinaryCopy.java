package io.univinsight.persistence.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

import org.postgresql.PGConnection;

/**
 * Inserts rows with COPY ... FROM STDIN in PostgreSQL's binary format, the columns described by an
 * {@link UnnestColumns}. For rows known to be new (no ON CONFLICT, no RETURNING): the server parses
 * no text and runs no per-row expression, which makes it the cheapest way in for a batch of new rows.
 */
final class BinaryCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Microseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for timestamps. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private BinaryCopy() {
    }

    static <R> void copyIn(Connection c, String table, UnnestColumns<R> columns, Collection<R> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try {
            byte[] data = encode(columns, rows);
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " (" + columns.names() + ") FROM STDIN (FORMAT binary)",
                    new ByteArrayInputStream(data));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private static <R> byte[] encode(UnnestColumns<R> columns, Collection<R> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * rows.size());
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
        for (R row : rows) {
            out.writeShort(columns.columns().size());
            for (UnnestColumns.Column<R> col : columns.columns()) {
                write(out, col.sqlType(), col.value().apply(row));
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    /** One field: its length, then the value in the type's binary form (a length of -1 is NULL). */
    private static void write(DataOutputStream out, String sqlType, Object value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        switch (sqlType) {
            case "text" -> {
                byte[] utf8 = ((String) value).getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
            case "uuid" -> {
                UUID id = UUID.fromString((String) value);
                out.writeInt(16);
                out.writeLong(id.getMostSignificantBits());
                out.writeLong(id.getLeastSignificantBits());
            }
            case "int4" -> {
                out.writeInt(4);
                out.writeInt((Integer) value);
            }
            case "int8" -> {
                out.writeInt(8);
                out.writeLong((Long) value);
            }
            case "timestamptz" -> { // the value is microseconds since 1970 (UnnestColumns.micros)
                out.writeInt(8);
                out.writeLong((Long) value - POSTGRES_EPOCH_MICROS);
            }
            case "float4" -> {
                out.writeInt(4);
                out.writeFloat((Float) value);
            }
            case "bool" -> {
                out.writeInt(1);
                out.writeByte((Boolean) value ? 1 : 0);
            }
            default -> throw new IllegalArgumentException("no binary COPY for " + sqlType);
        }
    }
}
