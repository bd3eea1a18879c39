package io.univinsight.persistence.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** How many rows the write path's professor and paper tables hold, for the tests that write through it. */
final class WritePathRows {
    private WritePathRows() {
    }

    /** professors, papers, professor_sightings, professor_papers */
    static List<Long> counts(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM professors), (SELECT count(*) FROM papers),"
                     + " (SELECT count(*) FROM professor_sightings), (SELECT count(*) FROM professor_papers)")) {
            rs.next();
            return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }
}
