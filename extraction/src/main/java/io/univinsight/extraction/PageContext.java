package io.univinsight.extraction;

/**
 * What the crawler knows about a page before extraction.
 *
 * @param url            absolute URL the page was fetched from; used as the base URI for relative links
 * @param universityName university the crawl belongs to
 * @param department     department the page was reached from, or {@code null} when unknown
 *                       (extractors then try to read it off the page)
 */
public record PageContext(String url, String universityName, String department) {
}
