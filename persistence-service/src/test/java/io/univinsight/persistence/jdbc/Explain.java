package io.univinsight.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The plans PostgreSQL chooses for the write path's statements, read from EXPLAIN for the plan tests. */
final class Explain {
    private Explain() {
    }

    /** The plan of {@code sql} with these array parameters (value, element type pairs), one line per plan line. */
    static String plan(Connection c, String sql, Object... arraysAndTypes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < arraysAndTypes.length; i += 2) {
                ps.setArray(i / 2 + 1, c.createArrayOf((String) arraysAndTypes[i + 1], (Object[]) arraysAndTypes[i]));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
