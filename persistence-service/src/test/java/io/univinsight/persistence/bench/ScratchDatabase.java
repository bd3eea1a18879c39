package io.univinsight.persistence.bench;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;

import io.univinsight.schema.Migrations;

/** A database of its own on the benchmark's server, migrated with the service's schema, dropped on close. */
final class ScratchDatabase implements AutoCloseable {
    private final String server;
    private final String name;
    final String url;

    /** server: a JDBC URL of a database to connect to for CREATE/DROP DATABASE, e.g. jdbc:postgresql://127.0.0.1:5432/postgres */
    ScratchDatabase(String server) throws Exception {
        this.server = server;
        this.name = "univ_bench_" + Long.toString(System.nanoTime(), 36);
        this.url = server.substring(0, server.lastIndexOf('/') + 1) + name;
        try (Connection admin = DriverManager.getConnection(server, "postgres", ""); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        migrate();
    }

    /** The schema module's migrations in version order, as plain SQL (Flyway's PostgreSQL plugin lives only in the Quarkus app). */
    private void migrate() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            for (String sql : Migrations.scripts()) {
                s.execute(sql);
            }
        }
    }

    /**
     * A connection with the JDBC properties the service itself sets (quarkus.datasource.jdbc.additional-jdbc-properties.*
     * in its application.properties), so a benchmark measures the driver and server settings the service runs with;
     * -Dbench.jdbc-options (a JDBC URL query string) replaces them, to compare settings.
     */
    Connection connect() throws Exception {
        String options = System.getProperty("bench.jdbc-options");
        if (options != null) {
            return DriverManager.getConnection(url + "?" + options, "postgres", "");
        }
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("password", "");
        String prefix = "quarkus.datasource.jdbc.additional-jdbc-properties.";
        Properties app = new Properties();
        try (InputStream in = ScratchDatabase.class.getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        app.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> props.setProperty(k.substring(prefix.length()), app.getProperty(k)));
        return DriverManager.getConnection(url, props);
    }

    @Override
    public void close() throws Exception {
        try (Connection admin = DriverManager.getConnection(server, "postgres", ""); Statement s = admin.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
