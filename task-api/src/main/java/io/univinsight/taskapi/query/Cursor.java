package io.univinsight.taskapi.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.univinsight.taskapi.error.InvalidRequest;

/** An opaque page cursor: the sort key of the last row of the previous page. */
public record Cursor(String sortValue, String id) {

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sortValue + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.lastIndexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new Cursor(plain.substring(0, bar), plain.substring(bar + 1));
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of("cursor", "is not a cursor this API gave out");
        }
    }
}
