package io.univinsight.extraction.eval;

/** Small formatting helpers for reports. */
final class Textual {
    private Textual() {
    }

    static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 60 ? s : s.substring(0, 59) + "…";
    }

    static String ratio(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
