package io.univinsight.persistence.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.univinsight.events.CrawlResult;
import io.univinsight.identity.PaperIdentity;
import io.univinsight.identity.PersonIdentity;
import io.univinsight.persistence.jdbc.MissingStatistics;
import io.univinsight.persistence.jdbc.PaperTable;
import io.univinsight.persistence.jdbc.ProfessorHistory;
import io.univinsight.persistence.jdbc.ProfessorTable;
import io.univinsight.persistence.jdbc.ResultTable;
import io.univinsight.persistence.jdbc.SightingTable;
import io.univinsight.persistence.jdbc.TaskTable;
import io.univinsight.persistence.merge.Departure;
import io.univinsight.persistence.merge.MergedGroup;
import io.univinsight.persistence.metrics.RowsWritten;
import io.univinsight.persistence.merge.PaperMerger;
import io.univinsight.persistence.merge.PaperRow;
import io.univinsight.persistence.merge.ProfessorMerger;
import io.univinsight.persistence.merge.ProfessorRow;
import io.univinsight.persistence.merge.ProfessorSighting;
import io.univinsight.persistence.merge.Sighting;
import io.univinsight.persistence.merge.UniversityEmail;
import io.univinsight.persistence.state.TaskRow;
import io.univinsight.persistence.state.TaskStateMachine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a batch of CrawlResults inside the caller's transaction: each completes its task and
 * adds one crawl_results and one crawl_metrics row; all their professors and papers are merged
 * with each other and with the stored rows in one pass, then written with a few set-based statements
 * (one per table and kind of change, whatever the batch size).
 * Each listing of a professor is kept as a sighting and each departure a page reports as a departure;
 * departed_at and the history of changes of the professors involved are then derived from those facts.
 * Writing the same batch again changes nothing.
 */
@ApplicationScoped
public class ResultsWriter {
    private static final Logger LOG = Logger.getLogger(ResultsWriter.class);
    private final TaskTable tasks = new TaskTable();
    private final ResultTable results = new ResultTable();
    private final ProfessorTable professors = new ProfessorTable();
    private final PaperTable papers = new PaperTable();
    private final SightingTable sightings = new SightingTable();
    private final ProfessorHistory history = new ProfessorHistory();
    private final MissingStatistics statistics = new MissingStatistics();

    public void write(Connection c, List<CrawlResult> batch, RowsWritten written) throws SQLException {
        statistics.analyseWhereMissing(c);
        List<ResultTable.Entry> entries = new ArrayList<>(batch.size());
        for (CrawlResult r : batch) {
            entries.add(new ResultTable.Entry(UUID.fromString(r.taskId()), r.completedAt(), r));
        }
        written.add("crawl_tasks", completeTasks(c, entries));
        Set<UUID> firstResults = results.insert(c, entries);
        written.add("crawl_results", entries.size());
        written.add("crawl_metrics", entries.size());
        writeProfessorsAndPapers(c, entries, firstResults, written);
    }

    private int completeTasks(Connection c, List<ResultTable.Entry> entries) throws SQLException {
        Map<UUID, TaskRow> rows = tasks.lock(c, new TreeSet<>(entries.stream().map(ResultTable.Entry::taskId).toList()));
        for (ResultTable.Entry e : entries) {
            TaskRow row = rows.computeIfAbsent(e.taskId(),
                    id -> TaskStateMachine.newRow(id, e.result().url(), e.result().universityName(), e.at()));
            TaskStateMachine.applyResult(row, e.result(), e.at());
        }
        tasks.save(c, rows.values());
        return rows.size();
    }

    /** @param firstResults tasks whose result row this transaction stored: none of their sightings can be stored yet */
    private void writeProfessorsAndPapers(Connection c, List<ResultTable.Entry> entries, Set<UUID> firstResults, RowsWritten written)
            throws SQLException {
        List<ProfessorRow> professorSightings = new ArrayList<>();
        List<UUID> sightingTasks = new ArrayList<>();
        List<PaperRow> paperSightings = new ArrayList<>();
        List<int[]> links = new ArrayList<>(); // {professor sighting, paper sighting}
        List<Departure> departures = new ArrayList<>();
        for (ResultTable.Entry e : entries) {
            int before = professorSightings.size();
            collect(e.result(), e.at(), professorSightings, paperSightings, links);
            for (int i = before; i < professorSightings.size(); i++) {
                sightingTasks.add(e.taskId());
            }
            collectDepartures(e, departures);
        }
        int[] professorGroup = new int[professorSightings.size()];
        Set<Long> newProfessors = new HashSet<>();
        Set<Long> updatedProfessors = new HashSet<>();
        Set<Long> steadyProfessors = new HashSet<>();
        List<ProfessorRow> professorRows = writeProfessors(c, professorSightings, professorGroup, newProfessors, updatedProfessors,
                steadyProfessors, written);
        writeHistory(c, professorSightings, sightingTasks, professorRows, professorGroup, newProfessors, updatedProfessors,
                steadyProfessors, departures, firstResults, written);
        int[] paperGroup = new int[paperSightings.size()];
        Set<Long> newPapers = new HashSet<>();
        List<PaperRow> paperRows = writePapers(c, paperSightings, paperGroup, newPapers, written);
        Set<List<Long>> pairs = new LinkedHashSet<>();
        for (int[] link : links) {
            pairs.add(List.of(professorRows.get(professorGroup[link[0]]).id, paperRows.get(paperGroup[link[1]]).id));
        }
        papers.link(c, pairs.stream().map(p -> new long[] {p.get(0), p.get(1)}).toList(), newProfessors, newPapers);
        written.add("professor_papers", pairs.size());
    }

    /**
     * Stores the batch's sightings (by the rows they merged into) and departures, then derives departed_at
     * and the history of every professor whose facts or row this batch changed: a new sighting, an updated
     * or folded row, a departure. A sighting stored before (a replay) changes neither, so it derives nothing.
     */
    private void writeHistory(Connection c, List<ProfessorRow> professorSightings, List<UUID> sightingTasks,
                              List<ProfessorRow> rows, int[] groupOf, Set<Long> newProfessors, Set<Long> updatedProfessors,
                              Set<Long> steadyProfessors, List<Departure> departures, Set<UUID> firstResults, RowsWritten written)
            throws SQLException {
        Map<List<Object>, ProfessorRow> byKey = new LinkedHashMap<>();
        for (int i = 0; i < professorSightings.size(); i++) {
            ProfessorRow s = professorSightings.get(i);
            // One sighting per professor, time and task: a page listing a person twice is one listing.
            byKey.merge(List.of(rows.get(groupOf[i]).id, s.lastSeenAt, sightingTasks.get(i)), s, ProfessorRow::mergedWith);
        }
        List<ProfessorSighting> seen = new ArrayList<>(byKey.size());
        Set<Long> seenTwice = new HashSet<>();
        Set<Long> seenAtAll = new HashSet<>();
        byKey.forEach((key, s) -> {
            seen.add(ProfessorSighting.of((Long) key.get(0), (UUID) key.get(2), s));
            if (!seenAtAll.add((Long) key.get(0))) {
                seenTwice.add((Long) key.get(0));
            }
        });
        // A sighting is written only with its task's result, in one transaction, so one whose professor this batch
        // inserted, or whose task's result this batch stored first, is not stored yet (fold moves only stored ones).
        // The unknown task (sightings from before V4) is never new.
        Set<Long> newlySeen = sightings.insertSightings(c, seen, s -> newProfessors.contains(s.professorId())
                || (firstResults.contains(s.taskId()) && !s.taskId().equals(SightingTable.UNKNOWN_TASK)));
        Set<Long> touched = new TreeSet<>(newlySeen);
        touched.addAll(updatedProfessors);
        written.add("professor_sightings", seen.size());
        if (!departures.isEmpty()) {
            sightings.insertDepartures(c, departures);
            written.add("professor_departures", departures.size());
            Set<String> emails = new TreeSet<>();
            List<String> universities = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Departure d : departures) {
                if (d.email() != null) {
                    emails.add(d.email());
                }
                universities.add(d.university());
                names.add(d.normalizedName());
            }
            professors.lockMatching(c, emails, universities, names).forEach(r -> touched.add(r.id));
        } else {
            touched.removeAll(unchangedRecrawls(c, seen, rows, newlySeen, steadyProfessors, seenTwice));
        }
        // A professor new in this batch has no sightings but this batch's.
        Set<Long> seenOnce = new HashSet<>(newProfessors);
        seenOnce.removeAll(seenTwice);
        history.derive(c, touched, newProfessors, seenOnce);
    }

    /**
     * In a batch without departures, the professors a recrawl lists once, keys kept, as their last listing did: their
     * history stays as it is, and deriving it would read every sighting they have ({@link ProfessorHistory}).
     */
    private Set<Long> unchangedRecrawls(Connection c, List<ProfessorSighting> seen, List<ProfessorRow> rows, Set<Long> newlySeen,
                                        Set<Long> steadyProfessors, Set<Long> seenTwice) throws SQLException {
        Map<Long, ProfessorSighting> recrawled = new HashMap<>();
        for (ProfessorSighting s : seen) {
            long id = s.professorId();
            if (newlySeen.contains(id) && steadyProfessors.contains(id) && !seenTwice.contains(id)) {
                recrawled.put(id, s);
            }
        }
        Map<Long, String> universityOf = new HashMap<>();
        for (ProfessorRow row : rows) {
            if (recrawled.containsKey(row.id)) {
                universityOf.put(row.id, row.university);
            }
        }
        return history.unchangedByNewestSighting(c, recrawled, universityOf);
    }

    /** The professors a directory page of this result stopped listing, by the keys the merge matches on. */
    private static void collectDepartures(ResultTable.Entry e, List<Departure> out) {
        CrawlResult r = e.result();
        if (r.departed() == null || r.departed().isEmpty()) {
            return;
        }
        String siteHost = UniversityEmail.siteHost(r.url());
        for (CrawlResult.Professor p : r.departed()) {
            ProfessorRow s = p == null ? null : professorSighting(r, siteHost, p, e.at());
            if (s != null) {
                out.add(new Departure(e.taskId(), e.at(), s.university, s.normalizedName(), s.emailValue()));
            }
        }
    }

    /**
     * Merges and writes professors; returns the row of each group, fills the group of each sighting
     * and adds the ids of the rows it inserted to {@code newIds}, of those it updated to {@code updatedIds}, and of the
     * stored rows whose university, email and name this batch left as they were, nothing folded in, to {@code steadyIds}.
     */
    private List<ProfessorRow> writeProfessors(Connection c, List<ProfessorRow> sightings, int[] groupOf, Set<Long> newIds,
                                               Set<Long> updatedIds, Set<Long> steadyIds, RowsWritten written) throws SQLException {
        if (sightings.isEmpty()) {
            return List.of();
        }
        Set<String> emails = new LinkedHashSet<>();
        Map<String, String[]> nameKeys = new LinkedHashMap<>();
        for (ProfessorRow s : sightings) {
            if (s.emailValue() != null) {
                emails.add(s.emailValue());
            }
            nameKeys.putIfAbsent(s.university + '\u0000' + s.normalizedName(), new String[] {s.university, s.normalizedName()});
        }
        List<ProfessorRow> stored = professors.lockMatching(c, emails,
                nameKeys.values().stream().map(k -> k[0]).toList(), nameKeys.values().stream().map(k -> k[1]).toList());
        List<MergedGroup<ProfessorRow>> groups = ProfessorMerger.merge(sightings, stored);
        Map<Long, Long> folded = new HashMap<>();
        List<ProfessorRow> updates = new ArrayList<>();
        List<ProfessorRow> inserts = new ArrayList<>();
        List<ProfessorRow> rows = new ArrayList<>(groups.size());
        for (MergedGroup<ProfessorRow> g : groups) {
            for (int s : g.sightings()) {
                groupOf[s] = rows.size();
            }
            rows.add(g.merged());
            g.foldedIds().forEach(id -> folded.put(id, g.merged().id));
            if (g.isNew()) {
                inserts.add(g.merged());
                continue;
            }
            if (keepsItsKeys(g)) {
                steadyIds.add(g.merged().id);
            }
            if (!g.foldedIds().isEmpty() || g.merged().differsFrom(g.stored())) {
                updates.add(g.merged());
                if (!g.merged().university.equals(g.stored().university)) {
                    // Only a listing on the new university's own domain moves a person (merge.Position).
                    LOG.infof("professor %d (%s) moved from '%s' to '%s'; email on that university's own site: %b",
                            g.merged().id, g.merged().emailValue(), g.stored().university, g.merged().university, g.merged().verified);
                }
            }
        }
        professors.fold(c, folded);
        professors.update(c, updates);
        updates.forEach(r -> updatedIds.add(r.id));
        professors.insert(c, inserts);
        inserts.forEach(r -> newIds.add(r.id));
        written.add("professors", updates.size() + inserts.size());
        return rows;
    }

    /** A stored row with nothing folded in whose university, email and name (what departures match on) stay. */
    private static boolean keepsItsKeys(MergedGroup<ProfessorRow> g) {
        ProfessorRow merged = g.merged();
        ProfessorRow stored = g.stored();
        return g.foldedIds().isEmpty() && merged.university.equals(stored.university)
                && Objects.equals(merged.emailValue(), stored.emailValue()) && merged.normalizedName().equals(stored.normalizedName());
    }

    /** Merges and writes papers; returns the row of each group, fills the group of each sighting, and adds the ids of the rows it inserted to {@code newIds}. */
    private List<PaperRow> writePapers(Connection c, List<PaperRow> sightings, int[] groupOf, Set<Long> newIds, RowsWritten written)
            throws SQLException {
        if (sightings.isEmpty()) {
            return List.of();
        }
        Set<String> dois = new LinkedHashSet<>();
        Map<String, Object[]> titleYears = new LinkedHashMap<>();
        for (PaperRow s : sightings) {
            if (s.doi != null) {
                dois.add(s.doi);
            }
            titleYears.putIfAbsent(s.titleYearKey(), new Object[] {s.normalizedTitle(), s.year == null ? 0 : s.year});
        }
        List<PaperRow> stored = papers.lockMatching(c, dois, titleYears.values().stream().map(k -> (String) k[0]).toList(),
                titleYears.values().stream().map(k -> (Integer) k[1]).toList());
        List<MergedGroup<PaperRow>> groups = PaperMerger.merge(sightings, stored);
        Map<Long, Long> folded = new HashMap<>();
        List<PaperRow> updates = new ArrayList<>();
        List<PaperRow> inserts = new ArrayList<>();
        List<PaperRow> rows = new ArrayList<>(groups.size());
        for (MergedGroup<PaperRow> g : groups) {
            for (int s : g.sightings()) {
                groupOf[s] = rows.size();
            }
            rows.add(g.merged());
            g.foldedIds().forEach(id -> folded.put(id, g.merged().id));
            if (g.isNew()) {
                inserts.add(g.merged());
            } else if (!g.foldedIds().isEmpty() || g.merged().differsFrom(g.stored())) {
                updates.add(g.merged());
            }
        }
        papers.fold(c, folded);
        papers.update(c, updates);
        papers.insert(c, inserts);
        inserts.forEach(r -> newIds.add(r.id));
        written.add("papers", updates.size() + inserts.size());
        return rows;
    }

    /** The professors and papers of one result as sightings, and which papers belong to which professors. */
    private static void collect(CrawlResult r, Instant at, List<ProfessorRow> professorsOut, List<PaperRow> papersOut,
                                List<int[]> links) {
        Map<String, Integer> professorByRef = new HashMap<>();
        if (r.professors() != null) {
            String siteHost = UniversityEmail.siteHost(r.url());
            for (CrawlResult.Professor p : r.professors()) {
                ProfessorRow s = professorSighting(r, siteHost, p, at);
                if (s == null) {
                    continue;
                }
                int index = professorsOut.size();
                professorsOut.add(s);
                if (s.emailValue() != null) {
                    professorByRef.putIfAbsent(PersonIdentity.emailKey(s.emailValue()), index);
                }
                professorByRef.putIfAbsent(PersonIdentity.nameKeyOfPersonKey(s.normalizedName()), index);
            }
        }
        if (r.papers() == null) {
            return;
        }
        for (CrawlResult.Paper p : r.papers()) {
            PaperRow s = paperSighting(p, at);
            if (s == null) {
                continue;
            }
            int index = papersOut.size();
            papersOut.add(s);
            if (p.professorRefs() != null) {
                for (String ref : p.professorRefs()) {
                    Integer owner = ref == null ? null : professorByRef.get(PersonIdentity.refKey(ref));
                    if (owner != null) {
                        links.add(new int[] {owner, index});
                    }
                }
            }
        }
    }

    static ProfessorRow professorSighting(CrawlResult r, String siteHost, CrawlResult.Professor p, Instant at) {
        ProfessorRow s = new ProfessorRow();
        s.name = Sighting.of(p.name(), at);
        if (s.name == null || s.normalizedName().isEmpty()) {
            return null;
        }
        s.university = r.universityName().strip();
        String email = PersonIdentity.email(p.email());
        s.email = email != null && email.indexOf('@') > 0 ? Sighting.of(email, at) : null;
        s.title = Sighting.of(p.title(), at);
        // A department read on the page wins; the task's department (no time) only fills a gap.
        Sighting pageDepartment = Sighting.of(p.department(), at);
        s.department = pageDepartment != null ? pageDepartment : Sighting.of(r.department(), null);
        s.profileUrl = Sighting.of(p.profileUrl(), at);
        s.verified = UniversityEmail.belongsToHost(s.emailValue(), siteHost);
        s.emailForm = s.email != null ? p.emailForm() : null;
        s.confidence = (float) p.confidence();
        s.firstSeenAt = at;
        s.updatedAt = at;
        s.lastSeenAt = at;
        return s;
    }

    static PaperRow paperSighting(CrawlResult.Paper p, Instant at) {
        PaperRow s = new PaperRow();
        s.title = Sighting.of(p.title(), at);
        if (s.title == null || s.normalizedTitle().isEmpty()) {
            return null;
        }
        s.doi = PaperIdentity.doi(p.doi());
        s.year = p.year() == null || p.year() <= 0 ? null : p.year();
        s.authors = p.authors() == null || p.authors().isEmpty() ? null
                : Sighting.of(String.join("; ", p.authors().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList()), at);
        s.venue = Sighting.of(p.venue(), at);
        s.url = Sighting.of(p.url(), at);
        s.firstSeenAt = at;
        s.updatedAt = at;
        s.lastSeenAt = at;
        return s;
    }
}
