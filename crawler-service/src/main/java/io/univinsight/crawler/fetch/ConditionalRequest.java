package io.univinsight.crawler.fetch;

import java.util.LinkedHashMap;
import java.util.Map;

import io.univinsight.events.PageState;

/**
 * The conditional headers of a revisit (RFC 9110 13.1): If-None-Match with the stored ETag and
 * If-Modified-Since with the stored Last-Modified, each when known. A server that honours both
 * takes If-None-Match first; sending both helps servers that only know dates.
 */
public final class ConditionalRequest {
    private ConditionalRequest() {
    }

    /** No headers for a page never seen (or seen without validators): the fetch is a plain GET. */
    public static Map<String, String> headersFor(PageState previous) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (previous == null) {
            return headers;
        }
        if (usable(previous.etag())) {
            headers.put("If-None-Match", previous.etag().strip());
        }
        if (usable(previous.lastModified())) {
            headers.put("If-Modified-Since", previous.lastModified().strip());
        }
        return headers;
    }

    /** A validator echoed back in a header: present, and no line break that could split the request. */
    private static boolean usable(String value) {
        return value != null && !value.isBlank() && value.indexOf('\r') < 0 && value.indexOf('\n') < 0;
    }
}
