package io.univinsight.taskapi.service;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Streams a query's rows as CSV or NDJSON straight from a server-side cursor (PostgreSQL
 * fetches 1,000 rows at a time), so an export of a million rows stays flat in memory.
 */
@ApplicationScoped
public class RowExporter {
    private static final int FETCH_SIZE = 1000;

    public enum Format { CSV, NDJSON }

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper json;

    public void export(String sql, List<Object> params, Format format, OutputStream out) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the PostgreSQL driver only uses a cursor inside a transaction
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    st.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    if (format == Format.CSV) {
                        writeCsv(rs, out);
                    } else {
                        writeNdjson(rs, out);
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("export failed: " + e.getMessage(), e);
        }
    }

    private static void writeCsv(ResultSet rs, OutputStream out) throws SQLException, IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        for (int i = 1; i <= columns; i++) {
            w.write((i > 1 ? "," : "") + meta.getColumnLabel(i));
        }
        w.write("\r\n");
        while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
                if (i > 1) {
                    w.write(',');
                }
                Object value = rs.getObject(i);
                w.write(value == null ? "" : csvCell(value.toString()));
            }
            w.write("\r\n");
        }
        w.flush();
    }

    static String csvCell(String value) {
        // Cells starting with = + - @ would run as formulas in a spreadsheet: prefix a quote.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    private void writeNdjson(ResultSet rs, OutputStream out) throws SQLException, IOException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        try (JsonGenerator gen = json.getFactory().createGenerator(new java.io.BufferedOutputStream(out, 64 * 1024))) {
            gen.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            while (rs.next()) {
                gen.writeStartObject();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    gen.writeFieldName(meta.getColumnLabel(i));
                    if (value == null) {
                        gen.writeNull();
                    } else if (value instanceof Number n) {
                        gen.writeNumber(n.toString());
                    } else if (value instanceof Boolean b) {
                        gen.writeBoolean(b);
                    } else {
                        gen.writeString(value.toString());
                    }
                }
                gen.writeEndObject();
            }
            gen.writeRaw('\n');
        }
    }
}
