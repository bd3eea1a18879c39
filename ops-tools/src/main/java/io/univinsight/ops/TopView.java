package io.univinsight.ops;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.ApiClient;
import io.univinsight.devstack.TextTable;

/**
 * ./univ top: the monitor's dashboard in the terminal, redrawn every second from
 * GET /api/dashboard until Ctrl-C (which ends the JVM; a hook restores the cursor).
 */
public final class TopView {
    private static final String CLEAR = "\033[H\033[2J";
    private static final String HIDE_CURSOR = "\033[?25l";
    private static final String SHOW_CURSOR = "\033[?25h";
    private static final List<String> QUEUES = List.of("critical", "high", "normal", "low", "retry");

    private final ApiClient monitor;
    private final String monitorUrl;
    private final PrintStream out;

    public TopView(String monitorUrl, PrintStream out) {
        this.monitor = new ApiClient(monitorUrl);
        this.monitorUrl = monitorUrl;
        this.out = out;
    }

    /** Redraws every interval until the process is interrupted; once=true draws a single frame without ANSI codes. */
    public void run(Duration interval, boolean once) throws InterruptedException {
        if (once) {
            out.print(frame());
            return;
        }
        out.print(HIDE_CURSOR);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.print(SHOW_CURSOR);
            out.println();
            out.flush();
        }, "univ-top-restore"));
        while (true) {
            String frame = frame();
            out.print(CLEAR + frame);
            out.flush();
            Thread.sleep(interval.toMillis());
        }
    }

    String frame() {
        try {
            return render(monitor.get("/api/dashboard"));
        } catch (RuntimeException e) {
            String why = e.getCause() != null ? e.getCause().toString() : e.getMessage();
            return "UnivInsight top   monitor " + monitorUrl + " not reachable (" + why + "), retrying...\n"
                    + "Start the stack with ./univ up. Ctrl-C to quit.\n";
        }
    }

    static String render(JsonNode d) {
        StringBuilder sb = new StringBuilder();
        JsonNode health = d.path("health");
        JsonNode m = d.path("metrics");
        JsonNode q = d.path("queue");
        sb.append(String.format("UnivInsight top   %s   health %s   streams %s   (Ctrl-C to quit)%n",
                d.path("generated_at").asText(), health.path("status").asText().toUpperCase(java.util.Locale.ROOT),
                health.path("streams_state").asText()));
        health.path("reasons").forEach(r -> sb.append("  ! ").append(r.asText()).append('\n'));
        sb.append('\n');
        sb.append(String.format("Tasks %d   pending %d  running %d  retrying %d  completed %d  failed %d  cancelled %d%n",
                m.path("total_tasks").asLong(), m.path("pending").asLong(), m.path("running").asLong(), m.path("retrying").asLong(),
                m.path("completed").asLong(), m.path("failed").asLong(), m.path("cancelled").asLong()));
        sb.append(String.format("Success %.1f%%   time avg %d ms  p50 %d ms  p95 %d ms   professors %d  papers %d%n",
                m.path("success_rate").asDouble() * 100, m.path("avg_processing_ms").asLong(), m.path("p50_processing_ms").asLong(),
                m.path("p95_processing_ms").asLong(), m.path("professors_found").asLong(), m.path("papers_found").asLong()));
        sb.append("Queue ");
        if (q.path("waiting").isObject()) {
            for (String name : QUEUES) {
                sb.append(String.format(" %s %d ", name, q.path("waiting").path(name).asLong()));
            }
            sb.append(String.format("  total %d%s%n", q.path("total_waiting").asLong(), q.path("lag_rising").asBoolean() ? "  (rising)" : ""));
        } else {
            sb.append(" unknown (Kafka unreachable)\n");
        }

        sb.append('\n').append("Workers (").append(d.path("workers").size()).append(" active)\n");
        List<String[]> workers = new ArrayList<>();
        d.path("workers").forEach(w -> workers.add(new String[] {w.path("worker_id").asText(), w.path("completed").asText(),
                w.path("failed").asText(), w.path("busy_ms").asLong() / 1000 + " s", w.path("in_flight").asText(),
                w.path("current_task").isNull() ? "idle" : w.path("current_task").asText(),
                w.path("current_task_seconds").isNull() ? "" : w.path("current_task_seconds").asText() + " s"}));
        sb.append(table(new String[] {"worker", "completed", "failed", "busy", "in flight", "current task", "for"}, workers));

        sb.append('\n').append("Last hours\n");
        List<String[]> hours = new ArrayList<>();
        d.path("hourly_stats").forEach(h -> hours.add(new String[] {h.path("hour").asText(), h.path("tasks").asText(),
                h.path("successes").asText(), h.path("failures").asText(), h.path("avg_ms").asText() + " ms"}));
        sb.append(table(new String[] {"hour", "tasks", "successes", "failures", "avg time"},
                hours.subList(Math.max(0, hours.size() - 6), hours.size())));

        sb.append('\n').append("Universities\n");
        List<String[]> unis = new ArrayList<>();
        d.path("universities").forEach(u -> unis.add(new String[] {u.path("university").asText(), u.path("tasks").asText(),
                u.path("results").asText(), u.path("professors").asText(), u.path("papers").asText()}));
        sb.append(table(new String[] {"university", "tasks", "results", "professors", "papers"}, unis));
        // The monitor lists only the universities with the most tasks and counts the rest.
        int notShown = d.path("universities_not_shown").asInt(0);
        if (notShown > 0) {
            sb.append("and ").append(notShown).append(" more with fewer tasks\n");
        }
        return sb.toString();
    }

    private static String table(String[] header, List<String[]> rows) {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        PrintStream ps = new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);
        TextTable.print(ps, header, rows);
        return buffer.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
