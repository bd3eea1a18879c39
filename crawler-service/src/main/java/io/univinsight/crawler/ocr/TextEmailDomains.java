package io.univinsight.crawler.ocr;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.univinsight.extraction.Emails;

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
        for (Element link : page.select("a[href^=mailto:]")) {
            addDomain(domains, Emails.fromMailto(link.attr("href"))); // read as the extractor reads a mailto link
        }
        textEmails.forEach(email -> addDomain(domains, email));
        return domains;
    }

    private static void addDomain(Set<String> domains, String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        if (at > 0 && at < address.length() - 1) {
            domains.add(address.substring(at + 1).toLowerCase(Locale.ROOT));
        }
    }
}
