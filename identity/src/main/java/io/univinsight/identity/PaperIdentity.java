package io.univinsight.identity;

import java.util.List;
import java.util.Locale;

/**
 * Which is the same paper: its DOI when it has one (strong), else its title key and year (weak).
 * "https://doi.org/10.1/X", "doi:10.1/x" and "10.1/X" are one DOI (DOIs are case-insensitive).
 */
public final class PaperIdentity {
    private static final List<String> DOI_PREFIXES =
            List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:");

    private PaperIdentity() {
    }

    /** The DOI as compared, without resolver prefix and in lower case; null when blank. */
    public static String doi(String doi) {
        if (doi == null || doi.isBlank()) {
            return null;
        }
        String d = doi.strip().toLowerCase(Locale.ROOT);
        for (String prefix : DOI_PREFIXES) {
            if (d.startsWith(prefix)) {
                d = d.substring(prefix.length()).strip();
            }
        }
        return d.isEmpty() ? null : d;
    }

    /** "title key|year": identity of a paper without DOI. */
    public static String titleYearKey(String titleKey, Integer year) {
        return titleKey + "|" + (year == null ? "" : year);
    }

    /** The strongest key a paper has: "d:" and its DOI, else "t:" and its title key and year. */
    public static String key(String doi, String title, Integer year) {
        String d = doi(doi);
        return d != null ? "d:" + d : "t:" + titleYearKey(NameKeys.titleKey(title), year);
    }

    /**
     * Identity of a record within a page (see {@link RecordIdentity}): a page lists a paper once,
     * so the year, often missing on one of two sightings, is not part of it.
     */
    public static RecordIdentity identity(String doi, String title) {
        return new RecordIdentity(doi(doi), NameKeys.titleKey(title));
    }
}
