package io.univinsight.systemtests.chaos.support;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.TextTable;
import io.univinsight.events.EventJson;

/**
 * One row of the fault-suite table: what a scenario submitted and how it ended. Each scenario
 * appends its row to target/chaos-report.jsonl; ./univ chaos prints the table from that file.
 * lost = accepted and never finished; duplicated = rows stored twice where the unique keys
 * allow it (task rows per URL, professor rows per person, paper rows per title, links beyond two
 * per person; see Outcome).
 */
public record ScenarioReport(String scenario, String size, long submitted, long completed, long failed, long lost,
                             long duplicated, double seconds, String notes) {

    public static final Path FILE = Path.of("target", "chaos-report.jsonl");

    /** Appends this row to the report file and prints it. */
    public ScenarioReport append() {
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, (EventJson.mapper().writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("chaos: " + this);
        return this;
    }

    public static List<ScenarioReport> read(Path file) throws IOException {
        List<ScenarioReport> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode n = EventJson.mapper().readTree(line);
                rows.add(EventJson.mapper().treeToValue(n, ScenarioReport.class));
            }
        }
        return rows;
    }

    public static void printTable(List<ScenarioReport> rows, PrintStream out) {
        List<String[]> cells = new ArrayList<>();
        for (ScenarioReport r : rows) {
            cells.add(new String[] {r.scenario(), r.size(), String.valueOf(r.submitted()), String.valueOf(r.completed()),
                String.valueOf(r.failed()), String.valueOf(r.lost()), String.valueOf(r.duplicated()),
                String.format("%.1f", r.seconds()), r.notes()});
        }
        TextTable.print(out, new String[] {"SCENARIO", "SIZE", "SUBMITTED", "COMPLETED", "FAILED", "LOST", "DUPLICATED", "SECONDS", "NOTES"}, cells);
    }

    /** Prints the table of target/chaos-report.jsonl (or the file given). */
    public static void main(String[] args) throws IOException {
        printTable(read(args.length > 0 ? Path.of(args[0]) : FILE), System.out);
    }
}
