package io.univinsight.crawler.fetch;

/** A fetched response: where it ended after redirects, its status, type, charset and body. */
public record FetchedPage(String requestedUrl, String finalUrl, int status, String contentType, String charset,
                          byte[] body, long fetchMs) {

    public boolean isHtml() {
        return isHtml(contentType);
    }

    /** HTML or XHTML; a missing type is taken as HTML (servers of static pages often omit it). */
    public static boolean isHtml(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT).trim();
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }
}
