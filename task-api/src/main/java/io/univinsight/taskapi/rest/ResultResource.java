package io.univinsight.taskapi.rest;

import java.time.Instant;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.query.ListingFilters;
import io.univinsight.taskapi.service.ResultService;
import io.univinsight.taskapi.service.RowExporter;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** What the crawls found: professors and papers, as pages of JSON or streamed exports. */
@Path("/api")
@Tag(name = "results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {
    private static final String NDJSON = "application/x-ndjson";

    @Inject
    ResultService results;

    @GET
    @Path("/professors")
    @Operation(summary = "Professors: filters university, department, title (contains), q (name contains), active (true: not departed,"
            + " false: departed); cursor pagination; X-Total-Count")
    public Response professors(@QueryParam("university") String university, @QueryParam("department") String department,
                               @QueryParam("title") String title, @QueryParam("q") String q,
                               @Parameter(description = "true: only active professors; false: only departed ones; other values are a 400")
                               @QueryParam("active") String active,
                               @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return Pages.ok(results.professors(ListingFilters.professors(university, department, title, q, active), cursor,
                QueryNumbers.limit(limit)), "/api/professors");
    }

    @GET
    @Path("/changes")
    @Operation(summary = "What changed at a university since a time, newest first: joined (first seen), departed, returned,"
            + " changed (title, email, department or university, with old and new value) and new_paper; cursor pagination; X-Total-Count")
    public Response changes(@Parameter(description = "University name; all universities when absent") @QueryParam("university") String university,
                            @Parameter(description = "ISO-8601 instant (2026-01-31T00:00:00Z) or date (2026-01-31, UTC); default: 7 days ago")
                            @QueryParam("since") String since,
                            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return Pages.ok(results.changes(ListingFilters.changes(university, ListingFilters.since(since, Instant.now())), cursor,
                QueryNumbers.limit(limit)), "/api/changes");
    }

    @GET
    @Path("/professors/{id}")
    @Operation(summary = "One professor with their papers")
    public ResultService.ProfessorWithPapers professor(@PathParam("id") long id) {
        return results.professor(id);
    }

    @GET
    @Path("/papers")
    @Operation(summary = "Papers: filters doi, yearFrom/yearTo, venue (contains), q (title contains), university; cursor pagination; X-Total-Count")
    public Response papers(@QueryParam("doi") String doi, @QueryParam("yearFrom") String yearFrom, @QueryParam("yearTo") String yearTo,
                           @QueryParam("venue") String venue, @QueryParam("q") String q, @QueryParam("university") String university,
                           @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return Pages.ok(results.papers(ListingFilters.papers(doi, QueryNumbers.year("yearFrom", yearFrom), QueryNumbers.year("yearTo", yearTo),
                venue, q, university), cursor, QueryNumbers.limit(limit)), "/api/papers");
    }

    @GET
    @Path("/professors/export")
    @Produces({"text/csv", NDJSON})
    @Operation(summary = "All professors (optionally of one university) streamed as CSV or NDJSON (Accept header or format=csv|ndjson)")
    public Response exportProfessors(@QueryParam("university") String university, @QueryParam("format") String format,
                                     @HeaderParam("Accept") String accept) {
        RowExporter.Format chosen = chooseFormat(format, accept);
        return export(out -> results.exportProfessors(university, chosen, out), chosen, "professors");
    }

    @GET
    @Path("/papers/export")
    @Produces({"text/csv", NDJSON})
    @Operation(summary = "All papers streamed as CSV or NDJSON (Accept header or format=csv|ndjson)")
    public Response exportPapers(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        RowExporter.Format chosen = chooseFormat(format, accept);
        return export(out -> results.exportPapers(chosen, out), chosen, "papers");
    }

    private static Response export(StreamingOutput body, RowExporter.Format format, String name) {
        String type = format == RowExporter.Format.CSV ? "text/csv; charset=utf-8" : NDJSON;
        String file = name + (format == RowExporter.Format.CSV ? ".csv" : ".ndjson");
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    static RowExporter.Format chooseFormat(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> RowExporter.Format.CSV;
                case "ndjson", "jsonl" -> RowExporter.Format.NDJSON;
                default -> throw InvalidRequest.of("format", "must be csv or ndjson");
            };
        }
        return accept != null && (accept.contains("ndjson") || accept.contains("jsonl")) ? RowExporter.Format.NDJSON : RowExporter.Format.CSV;
    }
}
