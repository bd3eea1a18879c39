package io.univinsight.taskapi.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The conditions of a listing (an HQL where clause over one entity) and their named parameters. */
public final class Filter {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds the condition when its value is given (a null value means the client did not filter on it). */
    public Filter and(String condition, String param, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(param, value);
        }
        return this;
    }

    /** Adds a condition without parameters when {@code apply} (e.g. "departedAt is null"). */
    public Filter and(boolean apply, String condition) {
        if (apply) {
            conditions.add(condition);
        }
        return this;
    }

    /** A copy with one more condition and its parameters (e.g. where a page starts). */
    Filter with(String condition, Map<String, Object> more) {
        Filter copy = new Filter();
        copy.conditions.addAll(conditions);
        copy.params.putAll(params);
        copy.conditions.add(condition);
        copy.params.putAll(more);
        return copy;
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }

    /** A LIKE pattern for "contains", case-insensitive (compared with lower(column)), wildcards in the text escaped. */
    public static String contains(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
