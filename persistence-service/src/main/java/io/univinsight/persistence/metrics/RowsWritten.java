package io.univinsight.persistence.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * Rows one transaction inserted or updated, per table. A writer fills it while it works; the
 * counts reach the meters only if the transaction commits, so a retried batch is counted once.
 */
public final class RowsWritten {
    private final Map<String, Integer> byTable = new TreeMap<>();

    public void add(String table, int rows) {
        if (rows > 0) {
            byTable.merge(table, rows, Integer::sum);
        }
    }

    public Map<String, Integer> byTable() {
        return Map.copyOf(byTable);
    }
}
