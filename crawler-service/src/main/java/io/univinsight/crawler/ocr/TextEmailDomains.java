package io.univinsight.crawler.ocr;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The domains a page writes addresses in as text: its mailto links and its people's text emails. A
 * site served from one name (a department host, an address) whose addresses are at another shows them
 * there; an address read off a picture on that page may be at one of them.
 */
public final class TextEmailDomains {
    private TextEmailDomains() {
    }

    public static Set<String> of(Document page, Collection<String> textEmails) {
        Set<String> domains = new TreeSet<>();
        for (Element link : page.select("a[href^=mailto:], a[href^=MAILTO:]")) {
            addDomain(domains, link.attr("href").substring("mailto:".length()));
        }
        textEmails.forEach(email -> addDomain(domains, email));
        return domains;
    }

    private static void addDomain(Set<String> domains, String address) {
        if (address == null) {
            return;
        }
        int end = address.indexOf('?'); // mailto:a@b.edu?subject=...
        String bare = (end < 0 ? address : address.substring(0, end)).strip();
        int at = bare.lastIndexOf('@');
        if (at > 0 && at < bare.length() - 1) {
            domains.add(bare.substring(at + 1).toLowerCase(Locale.ROOT));
        }
    }
}
