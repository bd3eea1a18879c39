package io.univinsight.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The metric names a PromQL expression, a Grafana dashboard or a folder of dashboards uses, so
 * that a test can check each one exists on the real services' /q/metrics.
 *
 * <p>Names are returned exactly as written in the expression: a histogram read through
 * {@code rate(x_seconds_bucket[5m])} gives {@code x_seconds_bucket}, which is also the name of
 * the series in the Prometheus exposition ({@code # TYPE x_seconds histogram} is followed by
 * {@code x_seconds_bucket{le=...}} lines); {@link #exposedFamily(String)} maps it back to the family.
 *
 * <p>What is not a metric name: function calls and aggregation operators (an identifier followed
 * by {@code (}, or an aggregation operator followed by {@code by}/{@code without}), keywords
 * ({@code by without on ignoring group_left group_right bool and or unless offset atan2}), the
 * label names of grouping and matching clauses ({@code by (le)}, {@code on (job)}), everything
 * inside label matchers ({@code {area="heap"}}, except a {@code __name__="x"} matcher, which names
 * x), ranges and subqueries ({@code [5m]}, {@code [1h:1m]}), strings, numbers and durations
 * ({@code 0.95}, {@code Inf}, {@code NaN}, {@code 5m}), Grafana variables ({@code $__rate_interval},
 * {@code ${job}}) and comments.
 */
public final class MetricNames {
    /** Aggregation operators: may be followed by a by/without clause before their parentheses. */
    static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar", "count",
            "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    /** Keywords followed by a parenthesised list of label names. */
    static final Set<String> LABEL_LIST_KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    /** Other keywords and binary operators spelled as words. */
    static final Set<String> KEYWORDS = Set.of("bool", "and", "or", "unless", "offset", "atan2");
    /** Number literals spelled as words (PromQL reads them case-insensitively). */
    static final Set<String> NUMBER_WORDS = Set.of("inf", "nan");

    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\s*\\((.*)\\)\\s*$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricNames() {
    }

    /** The metric names one PromQL expression reads. */
    public static Set<String> fromExpression(String promql) {
        Set<String> names = new TreeSet<>();
        String s = promql == null ? "" : promql;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '#') {
                i = skipLine(s, i);
            } else if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i);
            } else if (c == '{') {
                int end = skipBalanced(s, i, '{', '}');
                Matcher m = NAME_MATCHER.matcher(s.substring(i, end));
                while (m.find()) {
                    names.add(m.group(1));
                }
                i = end;
            } else if (c == '[') {
                i = skipBalanced(s, i, '[', ']');
            } else if (c == '$') {
                i = skipVariable(s, i);
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                i = skipNumber(s, i);
            } else if (isIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && isIdentifierPart(s.charAt(end))) {
                    end++;
                }
                String word = s.substring(i, end);
                String lower = word.toLowerCase(Locale.ROOT);
                int next = skipSpace(s, end);
                char after = next < n ? s.charAt(next) : '\0';
                if (LABEL_LIST_KEYWORDS.contains(lower)) {
                    // by (le), on (job), group_left (instance) or a bare group_left
                    i = after == '(' ? skipBalanced(s, next, '(', ')') : end;
                    continue;
                }
                i = end;
                if (KEYWORDS.contains(lower) || NUMBER_WORDS.contains(lower)) {
                    continue;
                }
                if (after == '(') {
                    continue; // a function call or an aggregation
                }
                if (AGGREGATIONS.contains(lower) && startsWithWord(s, next, "by", "without")) {
                    continue; // sum by (le) (...)
                }
                names.add(word);
            } else {
                i++;
            }
        }
        return names;
    }

    /** Every PromQL expression of a dashboard: panel targets (rows' nested panels included) and query variables. */
    public static List<String> expressions(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        collectPanels(dashboard.path("panels"), exprs);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (!"query".equals(variable.path("type").asText())) {
                continue;
            }
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asText("") : query.asText("");
            String expr = templateQueryExpression(text);
            if (!expr.isBlank()) {
                exprs.add(expr);
            }
        }
        return exprs;
    }

    /** The metric names a dashboard uses. */
    public static Set<String> fromDashboard(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions(dashboard)) {
            names.addAll(fromExpression(expr));
        }
        return names;
    }

    /** The metric names a dashboard file uses (a dashboard JSON, or an API export with a "dashboard" field). */
    public static Set<String> fromDashboardFile(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            return fromDashboard(root.has("dashboard") && root.path("panels").isMissingNode() ? root.path("dashboard") : root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard " + file, e);
        }
    }

    /** The metric names of every *.json dashboard in a folder (and below), by file. */
    public static Map<Path, Set<String>> fromDashboardDirectory(Path dir) {
        Map<Path, Set<String>> byFile = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                    .forEach(p -> byFile.put(p, fromDashboardFile(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list dashboards in " + dir, e);
        }
        return byFile;
    }

    /** Every metric name used by the dashboards of a folder, together. */
    public static Set<String> allFromDashboardDirectory(Path dir) {
        Set<String> all = new TreeSet<>();
        fromDashboardDirectory(dir).values().forEach(all::addAll);
        return all;
    }

    /**
     * The metric family a series name belongs to in the exposition format: x_bucket, x_count and
     * x_sum of a histogram or summary belong to x (give the family names the exposition declares in
     * its "# TYPE" lines, to tell them from a counter really called x_count).
     */
    public static String exposedFamily(String series, Set<String> histogramFamilies) {
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (series.endsWith(suffix)) {
                String family = series.substring(0, series.length() - suffix.length());
                if (histogramFamilies.contains(family)) {
                    return family;
                }
            }
        }
        return series;
    }

    /** The family of a series name, guessing that every _bucket, _count or _sum name is part of one. */
    public static String exposedFamily(String series) {
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (series.endsWith(suffix)) {
                return series.substring(0, series.length() - suffix.length());
            }
        }
        return series;
    }

    /**
     * The PromQL inside a Grafana query variable: label_values(metric{...}, label) reads metric,
     * label_values(label) reads none, query_result(expr) reads expr, metrics(regex) and the rest none.
     */
    static String templateQueryExpression(String query) {
        Matcher lv = LABEL_VALUES.matcher(query);
        if (lv.matches()) {
            String args = lv.group(1);
            int comma = topLevelComma(args);
            return comma < 0 ? "" : args.substring(0, comma);
        }
        Matcher qr = QUERY_RESULT.matcher(query);
        if (qr.matches()) {
            return qr.group(1);
        }
        return "";
    }

    private static void collectPanels(JsonNode panels, List<String> exprs) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                if (!expr.isBlank()) {
                    exprs.add(expr);
                }
            }
            collectPanels(panel.path("panels"), exprs);
        }
    }

    private static int topLevelComma(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(s, i) - 1;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithWord(String s, int at, String... words) {
        for (String w : words) {
            int end = at + w.length();
            if (end <= s.length() && s.regionMatches(true, at, w, 0, w.length())
                    && (end == s.length() || !isIdentifierPart(s.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipLine(String s, int i) {
        int nl = s.indexOf('\n', i);
        return nl < 0 ? s.length() : nl + 1;
    }

    /** From an opening quote to just after the closing one; backslash escapes except in `raw` strings. */
    private static int skipString(String s, int i) {
        char quote = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\' && quote != '`') {
                j += 2;
                continue;
            }
            if (c == quote) {
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    /** From an opening bracket to just after its matching close, strings inside skipped. */
    private static int skipBalanced(String s, int i, char open, char close) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '"' || c == '\'' || c == '`') {
                j = skipString(s, j);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
                if (depth == 0) {
                    return j + 1;
                }
            }
            j++;
        }
        return s.length();
    }

    /** $name, ${name} or ${name:format}, [[name]] never reaches here (inside brackets). */
    private static int skipVariable(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '{') {
            return skipBalanced(s, j, '{', '}');
        }
        while (j < s.length() && isIdentifierPart(s.charAt(j))) {
            j++;
        }
        return j;
    }

    /** 0.95, 1e-3, 0x1f, 5m, 1h30m. */
    private static int skipNumber(String s, int i) {
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
                j++;
            } else if ((c == '+' || c == '-') && j > i && (s.charAt(j - 1) == 'e' || s.charAt(j - 1) == 'E')
                    && !s.substring(i, j).toLowerCase(Locale.ROOT).startsWith("0x")) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }
}
