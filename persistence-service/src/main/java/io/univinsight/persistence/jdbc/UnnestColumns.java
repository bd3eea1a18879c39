package io.univinsight.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.univinsight.persistence.merge.Sighting;

/**
 * The columns of a set-based statement. All rows' values of a column go to the server as one
 * array parameter and come back as rows through {@code unnest(...)}, so a batch of any size is a
 * single statement, parsed and planned once, with one round trip and no per-row work in the driver.
 * Numbers and booleans travel in binary; times travel as microseconds since the epoch (parsing
 * thousands of timestamps from text was a good part of the server's time).
 */
final class UnnestColumns<R> {
    /** A time from its microseconds since 1970, exactly (each product stays far below 2^53). */
    private static final String FROM_MICROS =
            "(TIMESTAMPTZ 'epoch' + (%1$s / 1000000) * INTERVAL '1 second' + (%1$s %% 1000000) * INTERVAL '1 microsecond')";

    /** @param read how the statement reads the unnested value ({@code %1$s}) as the column's value */
    private record Column<R>(String name, String arrayType, Class<?> javaType, Function<R, ?> value, String read) {
    }

    private final List<Column<R>> columns = new ArrayList<>();

    UnnestColumns<R> text(String name, Function<R, String> value) {
        return add(new Column<>(name, "text", String.class, value, "%1$s"));
    }

    /** A UUID, sent as text (read back with a cast). */
    UnnestColumns<R> uuid(String name, Function<R, java.util.UUID> value) {
        return add(new Column<>(name, "text", String.class, r -> {
            java.util.UUID id = value.apply(r);
            return id == null ? null : id.toString();
        }, "%1$s::uuid"));
    }

    UnnestColumns<R> integer(String name, Function<R, Integer> value) {
        return add(new Column<>(name, "int4", Integer.class, value, "%1$s"));
    }

    UnnestColumns<R> bigint(String name, Function<R, Long> value) {
        return add(new Column<>(name, "int8", Long.class, value, "%1$s"));
    }

    UnnestColumns<R> real(String name, Function<R, Float> value) {
        return add(new Column<>(name, "float4", Float.class, value, "%1$s"));
    }

    UnnestColumns<R> bool(String name, Function<R, Boolean> value) {
        return add(new Column<>(name, "bool", Boolean.class, value, "%1$s"));
    }

    UnnestColumns<R> instant(String name, Function<R, Instant> value) {
        return add(new Column<>(name, "int8", Long.class, r -> micros(value.apply(r)), FROM_MICROS));
    }

    /** Two columns: the value as {@code name} and when it was seen as {@code name_seen_at}. */
    UnnestColumns<R> sighting(String name, Function<R, Sighting> value) {
        text(name, r -> Sighting.valueOf(value.apply(r)));
        return instant(name + "_seen_at", r -> Sighting.timeOf(value.apply(r)));
    }

    /** "a, b, c" */
    String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** "unnest(?::text[], ?::int4[], ...) AS alias(a, b, ...)": one array parameter per column. */
    String unnest(String alias) {
        return "unnest(" + columns.stream().map(col -> "?::" + col.arrayType() + "[]").collect(Collectors.joining(", "))
                + ") AS " + alias + "(" + names() + ")";
    }

    /** The columns' values read from {@link #unnest(String)}, in order: "alias.a, alias.b, ...". */
    String values(String alias) {
        return columns.stream().map(col -> read(col, alias)).collect(Collectors.joining(", "));
    }

    /** "a = alias.a, b = alias.b": every column but {@code except}, read from {@link #unnest(String)}. */
    String assignments(String alias, String except) {
        return columns.stream().filter(col -> !col.name().equals(except))
                .map(col -> col.name() + " = " + read(col, alias)).collect(Collectors.joining(", "));
    }

    /**
     * Binds the rows' values, one array per column, as parameters 1 to the number of columns; returns the
     * next parameter's index.
     */
    int bind(Connection c, PreparedStatement ps, Collection<R> rows) throws SQLException {
        int i = 1;
        for (Column<R> col : columns) {
            Object[] values = (Object[]) java.lang.reflect.Array.newInstance(col.javaType(), rows.size());
            int n = 0;
            for (R row : rows) {
                values[n++] = col.value().apply(row);
            }
            ps.setArray(i++, c.createArrayOf(col.arrayType(), values));
        }
        return i;
    }

    /** Microseconds since 1970, rounded half up like the driver's setTimestamp. */
    static Long micros(Instant t) {
        if (t == null) {
            return null;
        }
        Instant rounded = t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        return Math.addExact(Math.multiplyExact(rounded.getEpochSecond(), 1_000_000L), rounded.getNano() / 1000);
    }

    private static String read(Column<?> col, String alias) {
        return col.read().formatted(alias + "." + col.name());
    }

    private UnnestColumns<R> add(Column<R> column) {
        columns.add(column);
        return this;
    }
}
