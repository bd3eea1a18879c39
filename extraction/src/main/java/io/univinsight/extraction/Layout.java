package io.univinsight.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
            if (isChrome(e)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #inChrome(Element)} with answers remembered in {@code memo} (one map per page), for per-element loops. */
    static boolean inChrome(Element el, Map<Element, Boolean> memo) {
        List<Element> path = new ArrayList<>();
        boolean result = false;
        for (Element e = el; e != null; e = e.parent()) {
            Boolean known = memo.get(e);
            if (known != null) {
                result = known;
                break;
            }
            path.add(e);
            if (isChrome(e)) {
                result = true;
                break;
            }
        }
        for (Element e : path) {
            memo.put(e, result);
        }
        return result;
    }

    /** The element itself (not its ancestors) is navigation, a footer or the site banner. */
    static boolean isChrome(Element e) {
        String tag = e.normalName();
        if (tag.equals("nav") || tag.equals("footer")) {
            return true;
        }
        if (tag.equals("body") || tag.equals("html") || tag.equals("main") || e.attr("role").equals("main")) {
            return false; // their classes describe the whole page ("fixed-top-nav"), not a menu
        }
        // A <header> directly under <body> that carries menus is the site banner; a bare one may hold a
        // personal homepage's <h1>, and a <header> inside an article is content.
        if (tag.equals("header") && e.parent() != null && e.parent().normalName().equals("body")
                && PageIndex.selectFirst(e, MENUS) != null) {
            return true;
        }
        String role = e.attr("role");
        if (role.equals("navigation") || role.equals("contentinfo") || role.equals("banner")) {
            return true;
        }
        String className = e.className();
        if (!className.isEmpty() && mayBeChrome(className)
                && ClassNames.anyMatch(e, cls -> CHROME_TOKEN.matcher(cls).matches())) {
            return true;
        }
        if (!e.id().isEmpty() && mayBeChrome(e.id()) && CHROME_TOKEN.matcher(e.id()).matches()) {
            return true;
        }
        return false;
    }

    /** False when no CHROME_TOKEN word occurs at all, so the regex cannot match. */
    private static boolean mayBeChrome(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.contains("nav") || l.contains("menu") || l.contains("footer") || l.contains("breadcrumb")
                || l.contains("pagination") || l.contains("skip");
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
        String abs = AbsoluteUrls.of(a, "href");
        return abs.isEmpty() ? Text.clean(a.attr("href")) : abs;
    }
}
