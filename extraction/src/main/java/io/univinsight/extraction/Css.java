package io.univinsight.extraction;

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

    private Css() {
    }
}
