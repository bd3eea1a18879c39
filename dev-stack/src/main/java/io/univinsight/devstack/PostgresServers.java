package io.univinsight.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Finding a PostgreSQL to use, and creating the project's database in it. */
public final class PostgresServers {
    public static final String DEFAULT_USER = "postgres";

    private PostgresServers() {
    }

    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The JDBC URL of a database on the same server as serverUrl. */
    public static String databaseUrl(String serverUrl, String database) {
        URI uri = URI.create(serverUrl.substring("jdbc:".length()));
        return "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : 5432) + "/" + database;
    }

    /** Creates the database unless it exists (connecting to the server's "postgres" database). */
    public static void createDatabaseIfMissing(String serverUrl, String user, String password, String database) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection c = DriverManager.getConnection(databaseUrl(serverUrl, "postgres"), user, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + database);
            }
        }
    }
}
