package io.univinsight.crawler.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.univinsight.crawler.fetch.FetchFailure;
import io.univinsight.crawler.service.PageDryRun;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Dry run: what a page would give, with each record's confidence, extractor and evidence. */
@Path("/api/extract")
@Produces(MediaType.APPLICATION_JSON)
public class ExtractResource {
    @Inject
    PageDryRun dryRun;

    @POST
    @Consumes(MediaType.TEXT_HTML)
    @Operation(summary = "Extract from the HTML in the body; url (base for relative links), university, department, extractors (comma-separated) as query parameters")
    public Map<String, Object> fromHtml(String html, @QueryParam("url") String url, @QueryParam("university") String university,
                                        @QueryParam("department") String department, @QueryParam("extractors") String extractors) {
        if (html == null || html.isBlank()) {
            throw new IllegalArgumentException("body: HTML is required");
        }
        return dryRun.fromHtml(html, url, university, department, split(extractors));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extract from {html} or from {url} (fetched with the crawler's SSRF guard, robots.txt and limits)")
    public Map<String, Object> fromJson(ExtractRequest request) throws FetchFailure {
        if (request == null || ((request.html() == null || request.html().isBlank()) && (request.url() == null || request.url().isBlank()))) {
            throw new IllegalArgumentException("html or url: one of them is required");
        }
        if (request.html() != null && !request.html().isBlank()) {
            return dryRun.fromHtml(request.html(), request.url(), request.universityName(), request.department(), request.extractors());
        }
        return dryRun.fromUrl(request.url().strip(), request.universityName(), request.department(), request.extractors());
    }

    private static List<String> split(String names) {
        return names == null || names.isBlank() ? List.of() : Arrays.stream(names.split(",")).map(String::strip).toList();
    }
}
