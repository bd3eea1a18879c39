package io.univinsight.devstack;

import java.io.PrintStream;
import java.util.List;

/** Prints rows as an aligned text table; wide East Asian characters count as two columns. */
public final class TextTable {
    private static final int MAX_WIDTH = 48;

    private TextTable() {
    }

    public static void print(PrintStream out, String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = width(header[i]);
        }
        for (String[] row : rows) {
            for (int i = 0; i < header.length; i++) {
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, width(cell(row, i))));
            }
        }
        line(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int w : widths) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        for (String[] row : rows) {
            line(out, row, widths);
        }
    }

    private static void line(PrintStream out, String[] row, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String text = clip(cell(row, i), widths[i]);
            sb.append(text).append(" ".repeat(Math.max(0, widths[i] - width(text)))).append("  ");
        }
        out.println(sb.toString().stripTrailing());
    }

    private static String cell(String[] row, int i) {
        return i < row.length && row[i] != null ? row[i] : "";
    }

    private static String clip(String text, int max) {
        if (width(text) <= max) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (int cp : text.codePoints().toArray()) {
            if (width(sb.toString()) + charWidth(cp) > max - 1) {
                break;
            }
            sb.appendCodePoint(cp);
        }
        return sb.append('…').toString();
    }

    static int width(String text) {
        return text.codePoints().map(TextTable::charWidth).sum();
    }

    private static int charWidth(int cp) {
        // Hangul, CJK and full-width forms take two terminal columns.
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60);
        return wide ? 2 : 1;
    }
}
