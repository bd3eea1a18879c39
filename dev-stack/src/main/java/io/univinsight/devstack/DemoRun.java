package io.univinsight.devstack;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo crawl: submits the demo university's department directories, shows a progress
 * bar until every task has ended, then prints the professors and papers found.
 */
public final class DemoRun {
    public static final String UNIVERSITY = "Hanbit Institute of Technology";

    /**
     * Start pages of the demo site: a card directory, a table directory, a Korean department, a directory
     * a script builds from JSON (found only when the page is rendered: render auto, the default, decides
     * that) and cards whose emails are images.
     */
    public static final List<String[]> START_PAGES = List.of(
            new String[] {"/cs/faculty/", "Department of Computer Science"},
            new String[] {"/physics/people.html", "Department of Physics"},
            new String[] {"/ko/cse/professors.html", "컴퓨터공학과"},
            new String[] {"/chem/people/", "Department of Chemistry"},
            new String[] {"/math/faculty.html", "Department of Mathematics"});

    private final ApiClient api;
    private final String siteUrl;
    private final PrintStream out;

    public DemoRun(ApiClient api, String siteUrl, PrintStream out) {
        this.api = api;
        this.siteUrl = siteUrl;
        this.out = out;
    }

    /** Returns the task ids submitted. */
    public List<String> submitAll() {
        List<String> ids = new ArrayList<>();
        for (String[] page : START_PAGES) {
            JsonNode accepted = api.submit(siteUrl + page[0], UNIVERSITY, page[1], "high", 2, 100);
            ids.add(accepted.path("taskId").asText());
            out.println("submitted " + siteUrl + page[0] + "  -> task " + accepted.path("taskId").asText());
        }
        return ids;
    }

    /** Polls until every task is COMPLETED, FAILED or CANCELLED; returns the final task views. */
    public List<JsonNode> awaitAll(List<String> taskIds, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> views = new ArrayList<>();
        while (true) {
            views.clear();
            int done = 0;
            long professors = 0;
            long papers = 0;
            for (String id : taskIds) {
                JsonNode task = api.task(id);
                views.add(task);
                String status = task.path("status").asText();
                if (status.equals("COMPLETED") || status.equals("FAILED") || status.equals("CANCELLED")) {
                    done++;
                }
                professors += task.path("professorsCount").asLong();
                papers += task.path("papersCount").asLong();
            }
            out.print("\r" + bar(done, taskIds.size()) + String.format(" %d/%d tasks  professors %d  papers %d   ",
                    done, taskIds.size(), professors, papers));
            out.flush();
            if (done == taskIds.size()) {
                out.println();
                return views;
            }
            if (Instant.now().isAfter(deadline)) {
                out.println();
                throw new IllegalStateException("tasks not finished after " + timeout.toSeconds() + " s: " + views);
            }
            ManagedProcess.sleep(500);
        }
    }

    private static String bar(int done, int total) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    /** Prints the professors and papers of the demo university; returns the professor count. */
    public int printTables() {
        JsonNode professors = api.get("/api/professors?university=" + ApiClient.query(UNIVERSITY) + "&limit=500");
        List<String[]> rows = new ArrayList<>();
        for (JsonNode p : professors) {
            rows.add(new String[] {p.path("name").asText(), p.path("title").asText(""), p.path("email").asText(""), p.path("department").asText("")});
        }
        out.println();
        out.println("Professors (" + rows.size() + ")");
        TextTable.print(out, new String[] {"Name", "Title", "Email", "Department"}, rows);
        JsonNode papers = api.get("/api/papers?limit=500");
        List<String[]> paperRows = new ArrayList<>();
        for (JsonNode p : papers) {
            paperRows.add(new String[] {p.path("title").asText(), p.path("year").asText(""), p.path("venue").asText(""), p.path("doi").asText("")});
        }
        out.println();
        out.println("Papers (" + paperRows.size() + ")");
        TextTable.print(out, new String[] {"Title", "Year", "Venue", "DOI"}, paperRows);
        return rows.size();
    }
}
