package io.univinsight.taskapi.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.univinsight.schema.PaperRecord;
import io.univinsight.schema.ProfessorRecord;
import io.univinsight.taskapi.service.PaperView;
import io.univinsight.taskapi.service.ProfessorView;
import io.univinsight.taskapi.service.ReadQueries;
import io.univinsight.taskapi.service.RowExporter;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
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
    private static final int MAX_LIMIT = 1000;
    private static final String NDJSON = "application/x-ndjson";
    private static final String PAPERS_OF_UNIVERSITY = "id in (select l.paperId from ProfessorPaperLink l, ProfessorRecord p"
            + " where l.professorId = p.id and p.universityName = :university)";

    @Inject
    RowExporter exporter;

    @GET
    @Path("/professors")
    @Operation(summary = "Professors: filters university, department, title (contains), q (name contains); cursor pagination; X-Total-Count")
    public Response professors(@QueryParam("university") String university, @QueryParam("department") String department,
                               @QueryParam("title") String title, @QueryParam("q") String q, @QueryParam("cursor") String cursor,
                               @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (university != null) {
            where.append(" and universityName = :university");
            params.and("university", university);
        }
        if (department != null) {
            where.append(" and department = :department");
            params.and("department", department);
        }
        if (title != null) {
            where.append(" and lower(title) like :title");
            params.and("title", contains(title));
        }
        if (q != null) {
            where.append(" and lower(name) like :q");
            params.and("q", contains(q));
        }
        return page(ProfessorRecord.class, where, params, cursor, limit, "/api/professors");
    }

    @GET
    @Path("/professors/{id}")
    @Operation(summary = "One professor with their papers")
    public Map<String, Object> professor(@PathParam("id") long id) {
        ProfessorRecord p = ReadQueries.run(() -> ProfessorRecord.<ProfessorRecord>findById(id));
        if (p == null) {
            throw ProblemException.notFound("no professor " + id);
        }
        List<PaperRecord> papers = ReadQueries.run(() -> PaperRecord.<PaperRecord>find(
                "id in (select l.paperId from ProfessorPaperLink l where l.professorId = ?1)", Sort.descending("year").and("title"), id).list());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("professor", ProfessorView.of(p));
        body.put("papers", papers.stream().map(PaperView::of).toList());
        return body;
    }

    @GET
    @Path("/papers")
    @Operation(summary = "Papers: filters doi, yearFrom/yearTo, venue (contains), q (title contains), university; cursor pagination; X-Total-Count")
    public Response papers(@QueryParam("doi") String doi, @QueryParam("yearFrom") Integer yearFrom, @QueryParam("yearTo") Integer yearTo,
                           @QueryParam("venue") String venue, @QueryParam("q") String q, @QueryParam("university") String university,
                           @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("100") int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (doi != null) {
            where.append(" and doi = :doi");
            params.and("doi", doi.strip().toLowerCase(Locale.ROOT));
        }
        if (yearFrom != null) {
            where.append(" and year >= :yearFrom");
            params.and("yearFrom", yearFrom);
        }
        if (yearTo != null) {
            where.append(" and year <= :yearTo");
            params.and("yearTo", yearTo);
        }
        if (venue != null) {
            where.append(" and lower(venue) like :venue");
            params.and("venue", contains(venue));
        }
        if (q != null) {
            where.append(" and lower(title) like :q");
            params.and("q", contains(q));
        }
        if (university != null) {
            where.append(" and ").append(PAPERS_OF_UNIVERSITY);
            params.and("university", university);
        }
        return page(PaperRecord.class, where, params, cursor, limit, "/api/papers");
    }

    @GET
    @Path("/professors/export")
    @Produces({"text/csv", NDJSON})
    @Operation(summary = "All professors (optionally of one university) streamed as CSV or NDJSON (Accept header or format=csv|ndjson)")
    public Response exportProfessors(@QueryParam("university") String university, @QueryParam("format") String format,
                                     @HeaderParam("Accept") String accept) {
        String sql = "SELECT id, university_name, department, name, title, email, profile_url, is_verified, first_seen_at, updated_at"
                + " FROM professors" + (university == null ? "" : " WHERE university_name = ?") + " ORDER BY id";
        return export(sql, university == null ? List.of() : List.of(university), format, accept, "professors");
    }

    @GET
    @Path("/papers/export")
    @Produces({"text/csv", NDJSON})
    @Operation(summary = "All papers streamed as CSV or NDJSON (Accept header or format=csv|ndjson)")
    public Response exportPapers(@QueryParam("format") String format, @HeaderParam("Accept") String accept) {
        String sql = "SELECT id, title, authors, published_year, venue, doi, url, first_seen_at FROM papers ORDER BY id";
        return export(sql, List.of(), format, accept, "papers");
    }

    private Response export(String sql, List<Object> params, String format, String accept, String name) {
        RowExporter.Format chosen = chooseFormat(format, accept);
        StreamingOutput body = out -> exporter.export(sql, params, chosen, out);
        String type = chosen == RowExporter.Format.CSV ? "text/csv; charset=utf-8" : NDJSON;
        String file = name + (chosen == RowExporter.Format.CSV ? ".csv" : ".ndjson");
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    static RowExporter.Format chooseFormat(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> RowExporter.Format.CSV;
                case "ndjson", "jsonl" -> RowExporter.Format.NDJSON;
                default -> throw ProblemException.badRequest(List.of(new Problem.FieldError("format", "must be csv or ndjson")));
            };
        }
        return accept != null && (accept.contains("ndjson") || accept.contains("jsonl")) ? RowExporter.Format.NDJSON : RowExporter.Format.CSV;
    }

    private static <T extends io.quarkus.hibernate.orm.panache.PanacheEntityBase> Response page(Class<T> type, StringBuilder where,
            Parameters params, String cursor, int limit, String path) {
        long total = ReadQueries.run(() -> count(type, where.toString(), params));
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor);
            try {
                params.and("afterId", Long.parseLong(c.id()));
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest(List.of(new Problem.FieldError("cursor", "is not a cursor this API gave out")));
            }
            where.append(" and id > :afterId");
        }
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<T> rows = ReadQueries.run(() -> find(type, where.toString(), params, size));
        Response.ResponseBuilder response = Response.ok(rows.stream().map(ResultResource::view).toList()).header("X-Total-Count", total);
        if (rows.size() == size) {
            String next = new Cursor("id", String.valueOf(idOf(rows.get(rows.size() - 1)))).encode();
            response.header("X-Next-Cursor", next).header("Link", "<" + path + "?cursor=" + next + "&limit=" + size + ">; rel=\"next\"");
        }
        return response.build();
    }

    private static long count(Class<?> type, String where, Parameters params) {
        return type == ProfessorRecord.class ? ProfessorRecord.count(where, params) : PaperRecord.count(where, params);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> find(Class<T> type, String where, Parameters params, int size) {
        var query = type == ProfessorRecord.class ? ProfessorRecord.find(where, Sort.ascending("id"), params)
                : PaperRecord.find(where, Sort.ascending("id"), params);
        return (List<T>) query.page(Page.ofSize(size)).list();
    }

    private static Object view(Object row) {
        return row instanceof ProfessorRecord p ? ProfessorView.of(p) : PaperView.of((PaperRecord) row);
    }

    private static long idOf(Object row) {
        return row instanceof ProfessorRecord p ? p.id : ((PaperRecord) row).id;
    }

    private static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
