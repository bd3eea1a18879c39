package io.univinsight.crawler.fetch;

/**
 * A fetched response: where it ended after redirects, its status, type, charset and body, its
 * validators (ETag, Last-Modified; null when absent) and whether the body was cut at the size limit.
 * A 304 (not modified) has an empty body.
 */
public record FetchedPage(String requestedUrl, String finalUrl, int status, String contentType, String charset,
                          byte[] body, long fetchMs, String etag, String lastModified, boolean truncated) {

    public FetchedPage(String requestedUrl, String finalUrl, int status, String contentType, String charset, byte[] body, long fetchMs) {
        this(requestedUrl, finalUrl, status, contentType, charset, body, fetchMs, null, null, false);
    }

    public boolean notModified() {
        return status == 304;
    }

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
