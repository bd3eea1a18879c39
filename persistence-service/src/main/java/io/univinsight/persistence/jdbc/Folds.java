package io.univinsight.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Folding stored rows into the rows that survive them: what points at a folded row moves over, then the row goes. */
final class Folds {
    private Folds() {
    }

    /**
     * Runs each of {@code moves} (parameters: the survivor's id, the folded row's id) for every folded row, in the
     * order given, then {@code delete} (parameter: the folded row's id); each statement batched over all of them.
     */
    static void run(Connection c, Map<Long, Long> survivorOfFolded, String delete, String... moves) throws SQLException {
        if (survivorOfFolded.isEmpty()) {
            return;
        }
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (String move : moves) {
                PreparedStatement ps = c.prepareStatement(move);
                statements.add(ps);
                for (Map.Entry<Long, Long> e : survivorOfFolded.entrySet()) {
                    ps.setLong(1, e.getValue());
                    ps.setLong(2, e.getKey());
                    ps.addBatch();
                }
            }
            PreparedStatement deleteFolded = c.prepareStatement(delete);
            statements.add(deleteFolded);
            for (Long folded : survivorOfFolded.keySet()) {
                deleteFolded.setLong(1, folded);
                deleteFolded.addBatch();
            }
            for (PreparedStatement ps : statements) {
                ps.executeBatch();
            }
        } finally {
            for (PreparedStatement ps : statements) {
                ps.close();
            }
        }
    }
}
