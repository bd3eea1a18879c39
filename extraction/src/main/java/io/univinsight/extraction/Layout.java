package io.univinsight.extraction;

import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** Recognises page chrome (navigation, footers, breadcrumbs) that never holds the records we want. */
final class Layout {
    private static final Pattern CHROME_TOKEN = Pattern.compile(
            "(?i)(?:^|.*[-_])(nav|navbar|navigation|menu|footer|breadcrumbs?|pagination|skip)(?:[-_].*|$)");

    private static final Evaluator MENUS = QueryParser.parse("nav, ul, ol, [role=navigation]");

    private Layout() {
    }

    /** True when the element or an ancestor is navigation, a footer, or the site-wide banner. */
    static boolean inChrome(Element el) {
        for (Element e = el; e != null; e = e.parent()) {
            String tag = e.normalName();
            if (tag.equals("nav") || tag.equals("footer")) {
                return true;
            }
            // A <header> directly under <body> that carries menus is the site banner; a bare one may hold a
            // personal homepage's <h1>, and a <header> inside an article is content.
            if (tag.equals("header") && e.parent() != null && e.parent().normalName().equals("body")
                    && e.selectFirst(MENUS) != null) {
                return true;
            }
            String role = e.attr("role");
            if (role.equals("navigation") || role.equals("contentinfo") || role.equals("banner")) {
                return true;
            }
            for (String cls : e.classNames()) {
                if (CHROME_TOKEN.matcher(cls).matches()) {
                    return true;
                }
            }
            if (!e.id().isEmpty() && CHROME_TOKEN.matcher(e.id()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Resolves a possibly relative URL against a base; returns the input unchanged when that fails. */
    static String resolve(String base, String url) {
        if (url == null || base == null || base.isEmpty()) {
            return url;
        }
        try {
            return java.net.URI.create(base.replace(" ", "%20")).resolve(url.trim().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Absolute href of a link, falling back to the raw attribute when there is no base URI. */
    static String absHref(Element a) {
        String abs = a.attr("abs:href");
        return abs.isEmpty() ? Text.clean(a.attr("href")) : abs;
    }
}
