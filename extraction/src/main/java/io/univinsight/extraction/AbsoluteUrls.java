package io.univinsight.extraction;

import java.net.MalformedURLException;
import java.net.URL;

import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Element;

/**
 * Absolute URLs of links and pictures as jsoup's {@code abs:} attributes give them, for the extractors and for the
 * crawler's link handling, which read one per link of every page.
 */
public final class AbsoluteUrls {
    private AbsoluteUrls() {
    }

    /** The base URL last parsed on this thread, with its text: a page's links all share one. */
    private record BaseUrl(String text, URL url) {
    }

    private static final ThreadLocal<BaseUrl> LAST_BASE = new ThreadLocal<>();

    /**
     * {@code el.attr("abs:" + key)}, with the base URL parsed once per page instead of once per link (jsoup parses it,
     * and cleans both strings with a regex, on every call). Anything unusual is left to jsoup.
     */
    public static String of(Element el, String key) {
        if (el.attributesSize() == 0 || !el.attributes().getIgnoreCase("abs:" + key).isEmpty()
                || !el.attributes().hasKeyIgnoreCase(key)) {
            return el.attr("abs:" + key);
        }
        String base = el.baseUri();
        BaseUrl last = LAST_BASE.get();
        if (last == null || !last.text().equals(base)) {
            if (hasControlChar(base)) {
                return el.attr("abs:" + key);
            }
            try {
                last = new BaseUrl(base, new URL(base));
            } catch (MalformedURLException e) {
                return el.attr("abs:" + key);
            }
            LAST_BASE.set(last);
        }
        String href = el.attributes().getIgnoreCase(key);
        String plain = PlainHrefs.resolve(last.url(), href);
        if (plain != null) {
            return plain;
        }
        try {
            return StringUtil.resolve(last.url(), href).toExternalForm();
        } catch (MalformedURLException e) {
            return el.attr("abs:" + key);
        }
    }

    private static boolean hasControlChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }
}
