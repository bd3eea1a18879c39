package io.univinsight.persistence.merge;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Whether an email address belongs to the university site a professor was found on. */
public final class UniversityEmail {
    /** Second-level labels under a country code that are not an institution by themselves ("ac.kr", "edu.au"). */
    private static final Set<String> SHARED_SECOND_LEVEL = Set.of("ac", "edu", "co", "go", "or", "ne", "re", "gov", "org", "com", "net");

    private UniversityEmail() {
    }

    /**
     * True when the email's domain is the site's host, a parent of it ("cs.snu.ac.kr" pages, "snu.ac.kr"
     * email) or a child of it, and is not a bare public suffix like "ac.kr".
     */
    public static boolean belongsToSite(String email, String siteUrl) {
        return belongsToHost(email, siteHost(siteUrl));
    }

    /** The host a site's pages are on, lower case and without "www.", or null when the URL has none. */
    public static String siteHost(String siteUrl) {
        if (siteUrl == null) {
            return null;
        }
        String host;
        try {
            host = URI.create(siteUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    /** {@link #belongsToSite} for a host from {@link #siteHost}: parsed once for all the professors of a page. */
    public static boolean belongsToHost(String email, String host) {
        if (email == null || host == null) {
            return false;
        }
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!isInstitutionDomain(domain)) {
            return false;
        }
        return host.equals(domain) || host.endsWith("." + domain) || domain.endsWith("." + host);
    }

    private static boolean isInstitutionDomain(String domain) {
        String[] labels = domain.split("\\.");
        if (labels.length < 2 || labels[labels.length - 1].isEmpty()) {
            return false;
        }
        boolean countryCode = labels[labels.length - 1].length() == 2;
        return !(labels.length == 2 && countryCode && SHARED_SECOND_LEVEL.contains(labels[0]));
    }
}
