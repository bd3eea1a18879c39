package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON reader (objects to {@code Map}, arrays to {@code List}, numbers to {@code Double},
 * plus String/Boolean/null) and writer (the same shapes back to text). Enough for JSON-LD blocks,
 * corpus labels and command-line reports without pulling a JSON library into a dependency-free module.
 */
public final class Json {
    private final String s;
    private final boolean lenient;
    private int i;

    private Json(String s, boolean lenient) {
        this.s = s;
        this.lenient = lenient;
    }

    /** A value read from part of a text, and the offset just after it. */
    public record Prefix(Object value, int end) {
    }

    /**
     * Reads the one value that starts at {@code start} of a script and returns where it ends, accepting
     * JavaScript's object-literal spellings too (unquoted keys, single-quoted strings, {@code undefined}):
     * the data a page's script builds its list from, read without running the script.
     *
     * @throws IllegalArgumentException when no complete value starts there
     */
    public static Prefix parseLiteral(String text, int start) {
        Json p = new Json(text, true);
        p.i = start;
        Object v = p.value();
        return new Prefix(v, p.i);
    }

    /** Parses one JSON value; throws {@link IllegalArgumentException} on malformed input. */
    public static Object parse(String text) {
        Json p = new Json(text, false);
        p.ws();
        Object v = p.value();
        p.ws();
        if (p.i != p.s.length()) {
            throw p.error("trailing characters");
        }
        return v;
    }

    /** Writes maps, iterables, strings, numbers, booleans and null as indented JSON. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            String sep = "\n";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                sb.append(sep).append("  ".repeat(indent + 1));
                quote(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                sep = ",\n";
            }
            sb.append('\n').append("  ".repeat(indent)).append('}');
        } else if (v instanceof Iterable<?> list) {
            if (!list.iterator().hasNext()) {
                sb.append("[]");
                return;
            }
            boolean scalars = true;
            for (Object o : list) {
                scalars &= !(o instanceof Map<?, ?>) && !(o instanceof Iterable<?>);
            }
            sb.append('[');
            String sep = scalars ? "" : "\n" + "  ".repeat(indent + 1);
            for (Object o : list) {
                sb.append(sep);
                write(sb, o, indent + 1);
                sep = scalars ? ", " : ",\n" + "  ".repeat(indent + 1);
            }
            sb.append(scalars ? "" : "\n" + "  ".repeat(indent)).append(']');
        } else if (v instanceof Double d) {
            sb.append(d.isNaN() || d.isInfinite() ? "null"
                    : d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            quote(sb, v.toString());
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private Object value() {
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case '\'' -> {
                if (!lenient) {
                    throw error("unexpected character '\\''");
                }
                yield string();
            }
            case 'u' -> literal("undefined", null);
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        ws();
        if (peek('}')) {
            i++;
            return map;
        }
        while (true) {
            ws();
            String key;
            if (peek('"') || (lenient && peek('\''))) {
                key = string();
            } else if (lenient) {
                key = identifier();
            } else {
                throw error("expected key");
            }
            ws();
            expect(':');
            ws();
            map.put(key, value());
            ws();
            if (peek(',')) {
                i++;
                ws();
                if (peek('}')) { // tolerate a trailing comma, common in hand-written JSON-LD
                    i++;
                    return map;
                }
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        i++;
        ws();
        if (peek(']')) {
            i++;
            return list;
        }
        while (true) {
            ws();
            list.add(value());
            ws();
            if (peek(',')) {
                i++;
                ws();
                if (peek(']')) {
                    i++;
                    return list;
                }
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String identifier() {
        int start = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
            i++;
        }
        if (start == i) {
            throw error("expected key");
        }
        return s.substring(start, i);
    }

    private String string() {
        char quote = s.charAt(i);
        expect(quote);
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("bad unicode escape");
                    }
                    sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> sb.append(e); // \" \\ \/
            }
        }
        throw error("unterminated string");
    }

    private Object number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw error("unexpected character '" + s.charAt(i) + "'");
        }
        try {
            return Double.valueOf(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) {
            throw error("unexpected token");
        }
        i += word.length();
        return v;
    }

    private void ws() {
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (lenient && s.startsWith("//", i)) {
                int eol = s.indexOf('\n', i);
                i = eol < 0 ? s.length() : eol + 1;
            } else if (lenient && s.startsWith("/*", i)) {
                int close = s.indexOf("*/", i + 2);
                i = close < 0 ? s.length() : close + 2;
            } else {
                return;
            }
        }
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private IllegalArgumentException error(String msg) {
        return new IllegalArgumentException("JSON " + msg + " at offset " + i);
    }
}
