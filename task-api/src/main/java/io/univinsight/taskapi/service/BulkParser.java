package io.univinsight.taskapi.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.univinsight.taskapi.error.FieldError;
import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.error.TooManyTasks;

/**
 * Reads a bulk body into numbered task requests: a JSON array (item numbers), NDJSON (line
 * numbers) or CSV with columns url,university,department,priority (line numbers, header
 * optional). A line that cannot be read becomes an error of that line, not of the whole body.
 */
public final class BulkParser {
    public static final int MAX_TASKS = 10_000;

    private BulkParser() {
    }

    /** One numbered entry: a request, or why it could not be read. */
    public record Line(int number, TaskRequest request, FieldError error) {
    }

    public static List<Line> parse(String body, String mediaType, ObjectMapper json) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        List<Line> lines;
        if (type.startsWith("text/csv")) {
            lines = csv(body);
        } else if (type.startsWith("application/x-ndjson") || type.startsWith("application/ndjson") || type.startsWith("application/jsonl")) {
            lines = ndjson(body, json);
        } else {
            lines = jsonArray(body, json);
        }
        if (lines.size() > MAX_TASKS) {
            throw new TooManyTasks("a bulk request holds at most " + MAX_TASKS + " tasks, this one " + lines.size());
        }
        return lines;
    }

    private static List<Line> jsonArray(String body, ObjectMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequest.of("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw InvalidRequest.of("body", "expected a JSON array of tasks (or send NDJSON or CSV)");
        }
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (JsonNode item : root) {
            lines.add(fromJson(++n, item, json));
        }
        return lines;
    }

    private static List<Line> ndjson(String body, ObjectMapper json) {
        List<Line> lines = new ArrayList<>();
        String[] raw = body.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            try {
                lines.add(fromJson(i + 1, json.readTree(raw[i]), json));
            } catch (JsonProcessingException e) {
                lines.add(new Line(i + 1, null, new FieldError("line", "not valid JSON: " + e.getOriginalMessage())));
            }
        }
        return lines;
    }

    private static Line fromJson(int number, JsonNode item, ObjectMapper json) {
        if (item == null || !item.isObject()) {
            return new Line(number, null, new FieldError("line", "expected a JSON object"));
        }
        try {
            return new Line(number, json.treeToValue(item, TaskRequest.class), null);
        } catch (JsonProcessingException e) {
            return new Line(number, null, new FieldError("line", "wrong shape: " + e.getOriginalMessage()));
        }
    }

    private static List<Line> csv(String body) {
        List<Line> lines = new ArrayList<>();
        String[] raw = body.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i];
            if (text.isBlank() || (i == 0 && text.toLowerCase(Locale.ROOT).startsWith("url,"))) {
                continue;
            }
            List<String> cells;
            try {
                cells = csvCells(text);
            } catch (IllegalArgumentException e) {
                lines.add(new Line(i + 1, null, new FieldError("line", e.getMessage())));
                continue;
            }
            if (cells.size() < 2 || cells.size() > 4) {
                lines.add(new Line(i + 1, null, new FieldError("line", "expected url,university,department,priority")));
                continue;
            }
            lines.add(new Line(i + 1, new TaskRequest(cells.get(0), cells.get(1), cell(cells, 2), cell(cells, 3), null, null), null));
        }
        return lines;
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() && !cells.get(i).isBlank() ? cells.get(i) : null;
    }

    /** RFC 4180 cells of one line: commas, double quotes, "" as an escaped quote. */
    static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted cell");
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
