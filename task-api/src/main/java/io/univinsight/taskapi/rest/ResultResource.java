package io.univinsight.taskapi.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.univinsight.taskapi.domain.PaperRecord;
import io.univinsight.taskapi.domain.ProfessorRecord;
import io.univinsight.taskapi.service.ReadQueries;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What the crawls found: professors and papers. */
@Path("/api")
@Tag(name = "results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {
    private static final int MAX_LIMIT = 1000;

    @GET
    @Path("/professors")
    public Response professors(@QueryParam("university") String university, @QueryParam("department") String department,
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
        long total = ReadQueries.run(() -> ProfessorRecord.count(where.toString(), params));
        List<ProfessorRecord> rows = ReadQueries.run(() -> ProfessorRecord.<ProfessorRecord>find(where.toString(),
                Sort.ascending("department", "name"), params).page(Page.ofSize(clamp(limit))).list());
        return Response.ok(rows).header("X-Total-Count", total).build();
    }

    @GET
    @Path("/papers")
    public Response papers(@QueryParam("university") String university, @QueryParam("limit") @DefaultValue("100") int limit) {
        String where = university == null ? "1 = 1"
                : "id in (select pp.paperId from ProfessorPaperLink pp, ProfessorRecord p where pp.professorId = p.id and p.universityName = :university)";
        Parameters params = university == null ? new Parameters() : Parameters.with("university", university);
        long total = ReadQueries.run(() -> PaperRecord.count(where, params));
        List<PaperRecord> rows = ReadQueries.run(() -> PaperRecord.<PaperRecord>find(where, Sort.descending("year").and("title"), params)
                .page(Page.ofSize(clamp(limit))).list());
        return Response.ok(rows).header("X-Total-Count", total).build();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
