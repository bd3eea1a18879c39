package io.univinsight.crawler.ocr;

import java.net.IDN;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import crawlercommons.domains.EffectiveTldFinder;

/**
 * Whether what OCR read off an email picture is taken as the person's address. A wrong address stored
 * is worse than none, so the rule is strict: after removing what cannot change the meaning (spaces
 * the engine put between glyphs, one trailing period, letter case) the read must be exactly one
 * address, well formed, whose domain is in the page's domain family: the page host's registrable
 * domain (public suffix list) or a subdomain of it (cs.example.edu and mail.example.edu for a page on
 * www.example.edu), or of a domain the page itself writes addresses in as text (its mailto links and
 * the text emails of its people: a site served from one name whose addresses are at another). Spelled-out "(at)" or "dot" is not undone: pictures show the address itself, and
 * guessing at what the engine saw is how a wrong address gets in.
 */
public final class EmailReadingRule {
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9_%+-]+(?:\\.[a-z0-9_%+-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private EmailReadingRule() {
    }

    /** The address the read shows, lower-cased, or null when it is not one address of the page host's domain family. */
    public static String accept(String read, String pageHost) {
        return pageHost == null ? null : accept(read, Set.of(pageHost));
    }

    /** The same, for a family of several hosts: the page's own and the domains of the addresses it shows as text. */
    public static String accept(String read, Set<String> familyHosts) {
        if (read == null || familyHosts.isEmpty()) {
            return null;
        }
        String text = SPACES.matcher(read).replaceAll("").toLowerCase(Locale.ROOT);
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1); // the picture of a sentence's last word; never part of an address
        }
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at > 64) {
            return null;
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || !isHostName(domain)
                || familyHosts.stream().noneMatch(host -> inFamily(domain, host.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        return text;
    }

    private static boolean isHostName(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (label.length() > 63 || !LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return TLD.matcher(labels[labels.length - 1]).matches();
    }

    /**
     * Same registrable domain as the page host. A host the public suffix list knows nothing of (an IP
     * address, a name under an unlisted suffix) has no family beyond itself and its subdomains.
     */
    static boolean inFamily(String domain, String pageHost) {
        String host = pageHost.endsWith(".") ? pageHost.substring(0, pageHost.length() - 1) : pageHost;
        String registrable = registrable(host);
        String family = registrable != null ? registrable : host;
        return domain.equals(family) || domain.endsWith("." + family);
    }

    private static String registrable(String host) {
        if (host.isEmpty() || Character.isDigit(host.charAt(host.length() - 1)) || host.contains(":")) {
            return null; // an IPv4 or IPv6 address
        }
        try {
            return EffectiveTldFinder.getAssignedDomain(IDN.toASCII(host), true, false);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
