package io.univinsight.systemtests.chaos.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import io.univinsight.devstack.PostgresServers;
import io.univinsight.devstack.StackSettings;

/** Opens a connection to a scenario stack's database; and the two queries the checks are made of. */
@FunctionalInterface
public interface Database {
    /** The launcher's database name (embedded or found PostgreSQL without an override). */
    String NAME = "univinsight";

    Connection open() throws SQLException;

    /** The database of a stack that runs its own (embedded) PostgreSQL. */
    static Database embedded(StackSettings s) {
        String url = PostgresServers.databaseUrl("jdbc:postgresql://127.0.0.1:" + s.embeddedPostgresPort() + "/postgres", NAME);
        String user = System.getenv().getOrDefault("QUARKUS_DATASOURCE_USERNAME", PostgresServers.DEFAULT_USER);
        String password = System.getenv().getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "");
        return () -> java.sql.DriverManager.getConnection(url, user, password);
    }

    static long count(Database db, String sql, Object... params) throws SQLException {
        try (Connection c = db.open()) {
            return count(c, sql, params);
        }
    }

    static long count(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Set<String> column(Database db, String sql, Object... params) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = db.open(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
