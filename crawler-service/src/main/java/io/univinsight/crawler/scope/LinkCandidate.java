package io.univinsight.crawler.scope;

import java.net.URI;

import io.univinsight.extraction.LinkKind;

/** A link found on a page, normalised and classified, before the URL filters decide on it. */
public record LinkCandidate(String url, URI uri, String anchorText, LinkKind kind) {
}
