package io.univinsight.crawler.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.univinsight.crawler.fetch.FetchedPage;
import io.univinsight.events.PageState;

/**
 * What a visit found compared with the last one: a cache hit (304, or a 200 with the same body
 * hash) takes the page's links and records from its stored state; a new or changed page is
 * extracted. A 304 without a stored state cannot be used and is {@link #UNUSABLE}.
 */
public enum CacheVerdict {
    NEW, CHANGED, NOT_MODIFIED, SAME_BODY, UNUSABLE;

    public static CacheVerdict of(PageState previous, FetchedPage page, String bodySha256) {
        if (page.notModified()) {
            return previous == null ? UNUSABLE : NOT_MODIFIED;
        }
        if (previous == null) {
            return NEW;
        }
        return bodySha256.equals(previous.contentSha256()) ? SAME_BODY : CHANGED;
    }

    public boolean isHit() {
        return this == NOT_MODIFIED || this == SAME_BODY;
    }

    /** Lower-case hex SHA-256 of a body. */
    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
