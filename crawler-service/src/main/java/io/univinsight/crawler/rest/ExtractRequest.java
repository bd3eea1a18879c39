package io.univinsight.crawler.rest;

import java.util.List;

/** POST /api/extract as JSON: html, or a url to fetch; the rest is optional. */
public record ExtractRequest(String html, String url, String universityName, String department, List<String> extractors) {
}
