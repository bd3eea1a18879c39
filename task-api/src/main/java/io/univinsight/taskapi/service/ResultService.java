package io.univinsight.taskapi.service;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import io.quarkus.panache.common.Sort;
import io.univinsight.schema.PaperRecord;
import io.univinsight.schema.ProfessorRecord;
import io.univinsight.schema.UniversityChangeRecord;
import io.univinsight.taskapi.error.NotFound;
import io.univinsight.taskapi.query.CursorPage;
import io.univinsight.taskapi.query.Filter;
import io.univinsight.taskapi.query.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What the crawls found: professors and papers, as pages or whole exports. */
@ApplicationScoped
public class ResultService {
    public static final int MAX_LIMIT = 1000;

    @Inject
    EntityManager em;
    @Inject
    RowExporter exporter;

    /** A professor with their papers, newest first. */
    public record ProfessorWithPapers(ProfessorView professor, List<PaperView> papers) {
    }

    public CursorPage<ProfessorView> professors(Filter filter, String cursor, int limit) {
        return ReadQueries.run(() -> CursorPage.read(em, ProfessorRecord.class, filter, Keyset.byId((ProfessorRecord p) -> p.id), cursor,
                limit, MAX_LIMIT)).map(rows -> rows.stream().map(ProfessorView::of).toList());
    }

    /** What happened (see {@link ChangeView}), newest first. */
    public CursorPage<ChangeView> changes(Filter filter, String cursor, int limit) {
        return ReadQueries.run(() -> CursorPage.read(em, UniversityChangeRecord.class, filter, Keyset.NEWEST_CHANGES_FIRST, cursor,
                limit, MAX_LIMIT)).map(rows -> rows.stream().map(ChangeView::of).toList());
    }

    public CursorPage<PaperView> papers(Filter filter, String cursor, int limit) {
        return ReadQueries.run(() -> CursorPage.read(em, PaperRecord.class, filter, Keyset.byId((PaperRecord p) -> p.id), cursor,
                limit, MAX_LIMIT)).map(rows -> rows.stream().map(PaperView::of).toList());
    }

    public ProfessorWithPapers professor(long id) {
        ProfessorRecord p = ReadQueries.run(() -> ProfessorRecord.<ProfessorRecord>findById(id));
        if (p == null) {
            throw new NotFound("no professor " + id);
        }
        List<PaperRecord> papers = ReadQueries.run(() -> PaperRecord.<PaperRecord>find(
                "id in (select l.paperId from ProfessorPaperLink l where l.professorId = ?1)", Sort.descending("year").and("title"), id).list());
        return new ProfessorWithPapers(ProfessorView.of(p), papers.stream().map(PaperView::of).toList());
    }

    /** Every professor (of one university, when given) in id order. */
    public void exportProfessors(String university, RowExporter.Format format, OutputStream out) throws IOException {
        String sql = "SELECT id, university_name, department, name, title, email, profile_url, is_verified, first_seen_at, updated_at"
                + " FROM professors" + (university == null ? "" : " WHERE university_name = ?") + " ORDER BY id";
        exporter.export(sql, university == null ? List.of() : List.of(university), format, out);
    }

    /** Every paper in id order. */
    public void exportPapers(RowExporter.Format format, OutputStream out) throws IOException {
        exporter.export("SELECT id, title, authors, published_year, venue, doi, url, first_seen_at FROM papers ORDER BY id", List.of(), format, out);
    }
}
