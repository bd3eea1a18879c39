package io.univinsight.extraction;

import java.util.Locale;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Selectors used in per-element loops, parsed once (jsoup re-parses query strings on every call). */
final class Css {
    static final Evaluator LINKS = QueryParser.parse("a[href]");
    static final Evaluator LIST_ITEMS = QueryParser.parse("li");
    static final Evaluator ROWS_OR_ITEMS = QueryParser.parse("li, tr");
    static final Evaluator NAME_CANDIDATES = QueryParser.parse("[itemprop=name], [class], [id]");
    static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    static final Evaluator EMPHASIS_CELLS = QueryParser.parse("strong, b, dt, th");
    static final Evaluator TOP_HEADINGS = QueryParser.parse("h1, h2");
    static final Evaluator BOLD = QueryParser.parse("b, strong");
    static final Evaluator ITALIC = QueryParser.parse("em, i, cite");
    static final Evaluator AUTHOR = QueryParser.parse("[class*=author], [itemprop=author]");
    static final Evaluator TITLE = QueryParser.parse("[class*=title], [id*=title], [itemprop=headline], [itemprop=name]");
    static final Evaluator VENUE = QueryParser.parse("[class*=venue], [class*=journal], [class*=booktitle], [itemprop=isPartOf]");

    /** A query that only matches elements named {@code tag} (a tag, then attribute tests): see {@link PageIndex#select(Element, Tagged)}. */
    record Tagged(String tag, Evaluator query) {
        static Tagged parse(String query) {
            int end = 0;
            while (end < query.length() && Character.isLetterOrDigit(query.charAt(end))) {
                end++;
            }
            int depth = 0;
            for (int i = end; i < query.length(); i++) { // after the tag, nothing outside [attribute] tests
                char c = query.charAt(i);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (depth == 0 && c != ']') {
                    throw new IllegalArgumentException("not one tag with attribute tests: " + query);
                }
            }
            if (end == 0) {
                throw new IllegalArgumentException("no tag: " + query);
            }
            return new Tagged(query.substring(0, end).toLowerCase(Locale.ROOT), QueryParser.parse(query));
        }
    }

    private Css() {
    }
}
