package io.univinsight.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * Analyses the tables the write path reads by key while PostgreSQL holds no statistics of their rows: a table
 * never analysed since it was created or truncated (pg_class.reltuples below 0, PostgreSQL 14 and later) that has
 * rows. Autovacuum would analyse it a minute or more later, or never where it is off; until then the planner
 * guesses a professors row at 3,065 bytes from the column types, rates every index probe at one row, and takes
 * (university_name, first_seen_at) for a (university, name) look-up, reading the whole university per key
 * (the first 1,000 results of a fresh database: 1.19 of their 2.64 s). After one ANALYZE the unique index wins
 * (psql: analysed at 2,000 rows; and at 20 rows of one university, then 5,000 of a university written after it).
 * As the PostgreSQL manual advises after a bulk load.
 * Until each table has been seen analysed, one catalog query per batch; after that, none (a table truncated
 * under a running service is left to autovacuum).
 */
public final class MissingStatistics {
    private static final Logger LOG = Logger.getLogger(MissingStatistics.class);
    /** The tables the write path's look-ups probe, in the order they are analysed. */
    private static final List<String> TABLES = List.of("professors", "papers", "professor_sightings", "professor_papers");
    private static final String STATE = "SELECT c.relname, c.reltuples >= 0, pg_relation_size(c.oid) > 0 FROM pg_class c"
            + " WHERE c.oid = ANY (?::regclass[])";

    private final Set<String> analysed = ConcurrentHashMap.newKeySet();
    private volatile boolean refused;

    /** Analyses each of the tables that has rows but no statistics; never fails the caller's transaction. */
    public void analyseWhereMissing(Connection c) throws SQLException {
        if (refused || analysed.size() == TABLES.size()) {
            return;
        }
        Set<String> missing = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(STATE)) {
            ps.setArray(1, c.createArrayOf("text", TABLES.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        analysed.add(rs.getString(1));
                    } else if (rs.getBoolean(3)) {
                        missing.add(rs.getString(1));
                    }
                }
            }
        }
        // Always in the same order: each ANALYZE locks its table against other ANALYZEs until the batch commits.
        // A table analysed here counts as analysed once a later batch sees it so (this batch may yet roll back).
        for (String table : TABLES) {
            if (missing.contains(table) && !refused) {
                analyse(c, table);
            }
        }
    }

    /** A role that does not own the table gets a warning, not an error, from ANALYZE: either stops the checks. */
    private void analyse(Connection c, String table) throws SQLException {
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE " + table);
            SQLWarning warning = s.getWarnings();
            if (savepoint != null) {
                c.releaseSavepoint(savepoint);
            }
            if (warning != null) {
                refuse(table, warning.getMessage());
            } else {
                LOG.debugf("analysed %s: PostgreSQL had no statistics of its rows", table);
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                c.rollback(savepoint); // the batch goes on as if the ANALYZE had not been tried
            }
            refuse(table, e.getMessage());
        }
    }

    private void refuse(String table, String why) {
        refused = true;
        LOG.warnf("cannot analyse %s (%s): the write path's look-ups are planned without statistics until autovacuum analyses"
                + " the tables", table, why);
    }
}
