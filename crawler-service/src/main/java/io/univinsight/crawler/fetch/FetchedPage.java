package io.univinsight.crawler.fetch;

/** A fetched response: where it ended after redirects, its status, type, charset and body. */
public record FetchedPage(String requestedUrl, String finalUrl, int status, String contentType, String charset,
                          byte[] body, long fetchMs) {

    public boolean isHtml() {
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }
}
