package io.univinsight.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** The demo site answers conditional requests, so `./univ demo` run twice shows cache hits. */
class DemoSiteTests {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyPageHasValidatorsAndAMatchingConditionalRequestGets304() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            String url = site.baseUrl() + "/ko/cse/professors.html";
            HttpResponse<byte[]> first = get(url, null, null);
            assertEquals(200, first.statusCode());
            String etag = first.headers().firstValue("ETag").orElse(null);
            String lastModified = first.headers().firstValue("Last-Modified").orElse(null);
            assertNotNull(etag);
            assertNotNull(lastModified);
            assertTrue(first.body().length > 0);

            HttpResponse<byte[]> byEtag = get(url, etag, null);
            assertEquals(304, byEtag.statusCode());
            assertEquals(0, byEtag.body().length);
            assertEquals(304, get(url, null, lastModified).statusCode());
            // If-None-Match decides when present: another ETag gets the page even with a matching date.
            assertEquals(200, get(url, "\"other\"", lastModified).statusCode());
            assertEquals(200, get(url, null, "Mon, 01 Jan 2001 00:00:00 GMT").statusCode());
            assertEquals(200, get(url, null, "not a date").statusCode());
            // Another page has another ETag.
            String otherEtag = get(site.baseUrl() + "/physics/people.html", null, null).headers().firstValue("ETag").orElseThrow();
            assertTrue(!otherEtag.equals(etag));
        }
    }

    /** The Chemistry directory's script and data, and the Mathematics page's email images, with their types. */
    @Test
    void scriptsDataAndImagesHaveTheirContentTypes() throws Exception {
        try (DemoSite site = DemoSite.start(0)) {
            for (String[] file : new String[][] {{"/chem/people/directory.js", "application/javascript"},
                    {"/chem/people/people.json", "application/json"}, {"/math/email/anwosu.png", "image/png"}}) {
                HttpResponse<byte[]> response = get(site.baseUrl() + file[0], null, null);
                assertEquals(200, response.statusCode(), file[0]);
                assertEquals(file[1], response.headers().firstValue("Content-Type").orElse(null), file[0]);
                assertTrue(response.body().length > 0, file[0]);
            }
        }
    }

    private HttpResponse<byte[]> get(String url, String ifNoneMatch, String ifModifiedSince) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (ifModifiedSince != null) {
            request.header("If-Modified-Since", ifModifiedSince);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
