package io.univinsight.taskapi.rest;

import io.univinsight.taskapi.query.CursorPage;
import jakarta.ws.rs.core.Response;

/** A page of a listing as HTTP: the rows, X-Total-Count, and X-Next-Cursor with a Link to the next page. */
final class Pages {
    private Pages() {
    }

    static Response ok(CursorPage<?> page, String path) {
        Response.ResponseBuilder response = Response.ok(page.rows()).header("X-Total-Count", page.total());
        if (page.next() != null) {
            response.header("X-Next-Cursor", page.next())
                    .header("Link", "<" + path + "?cursor=" + page.next() + "&limit=" + page.size() + ">; rel=\"next\"");
        }
        return response.build();
    }
}
