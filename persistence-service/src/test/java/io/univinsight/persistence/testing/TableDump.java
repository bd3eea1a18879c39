package io.univinsight.persistence.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every table as sorted JSON lines without surrogate ids (links by their natural keys), to compare two databases. */
public final class TableDump {
    private static final Map<String, String> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("crawl_tasks", "SELECT to_jsonb(t)::text FROM crawl_tasks t");
        QUERIES.put("crawl_results", "SELECT (to_jsonb(r) - 'id')::text FROM crawl_results r");
        QUERIES.put("crawl_metrics", "SELECT (to_jsonb(m) - 'id')::text FROM crawl_metrics m");
        QUERIES.put("professors", "SELECT (to_jsonb(p) - 'id')::text FROM professors p");
        QUERIES.put("papers", "SELECT (to_jsonb(p) - 'id')::text FROM papers p");
        QUERIES.put("professor_papers", "SELECT pr.university_name || '/' || pr.normalized_name || ' -> ' "
                + "|| COALESCE(pa.doi, pa.normalized_title || '/' || COALESCE(pa.published_year::text, '')) "
                + "FROM professor_papers l JOIN professors pr ON pr.id = l.professor_id JOIN papers pa ON pa.id = l.paper_id");
        QUERIES.put("professor_sightings", "SELECT pr.university_name || '/' || pr.normalized_name || ' ' || (to_jsonb(s) - 'professor_id')::text "
                + "FROM professor_sightings s JOIN professors pr ON pr.id = s.professor_id");
        QUERIES.put("professor_departures", "SELECT to_jsonb(d)::text FROM professor_departures d");
        QUERIES.put("professor_changes", "SELECT pr.university_name || '/' || pr.normalized_name || ' ' || (to_jsonb(h) - 'id' - 'professor_id')::text "
                + "FROM professor_changes h JOIN professors pr ON pr.id = h.professor_id");
    }

    private TableDump() {
    }

    public static Map<String, List<String>> of(Connection c) throws SQLException {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> q : QUERIES.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(q.getValue() + " ORDER BY 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                dump.put(q.getKey(), rows);
            }
        }
        return dump;
    }
}
