package io.univinsight.persistence.bench;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.univinsight.events.CrawlTask;
import io.univinsight.events.Priority;
import io.univinsight.events.TaskStatus;
import io.univinsight.events.TaskStatusChanged;
import io.univinsight.persistence.metrics.RowsWritten;
import io.univinsight.persistence.service.TaskEventsWriter;

/**
 * How fast crawl_tasks takes a backlog as the table grows: new tasks go through the service's own
 * write path ({@link TaskEventsWriter}, one transaction per consumer batch) into a scratch database,
 * and the rate is printed per window of rows, then for status updates on the full table. Asserts
 * nothing. Run with bench/persistence/run.sh backlog [tasks=500000] [batch=500] [window=50000].
 */
public final class TaskBacklogBenchmark {
    private TaskBacklogBenchmark() {
    }

    private static CrawlTask task(String url, int i) {
        return new CrawlTask(CrawlTask.SCHEMA_VERSION, UUID.randomUUID().toString(), url, "Backlog University", "Physics",
                Priority.values()[i % 4], 1, 5, Instant.now(), 0, null);
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        String server = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        System.out.printf("UnivInsight task backlog benchmark: %d new tasks in transactions of %d, rate per %d rows%n", tasks, batchSize, window);
        try (ScratchDatabase database = new ScratchDatabase(server);
             Connection c = database.connect()) {
            c.setAutoCommit(false);
            TaskEventsWriter writer = new TaskEventsWriter();
            List<String> ids = new ArrayList<>(tasks);
            // A service runs before its backlog: a few single submits reach it while crawl_tasks is empty, as in a
            // real start. (PostgreSQL caches a generic plan for a prepared statement after five executions.)
            for (int i = 0; i < 10; i++) {
                writer.writeTasks(c, List.of(task("http://127.0.0.1:8000/first/" + i, i)), new RowsWritten());
                c.commit();
            }
            long windowStart = System.nanoTime();
            long start = windowStart;
            for (int done = 0; done < tasks; ) {
                List<CrawlTask> batch = new ArrayList<>(batchSize);
                for (int i = 0; i < batchSize && done < tasks; i++, done++) {
                    CrawlTask task = task("http://127.0.0." + (10 + done % 50) + ":8000/faculty/" + done, done);
                    ids.add(task.taskId());
                    batch.add(task);
                }
                writer.writeTasks(c, batch, new RowsWritten());
                c.commit();
                if (done % window == 0 || done == tasks) {
                    long now = System.nanoTime();
                    System.out.printf("inserted %8d rows   last window %8.0f rows/s%n", done, window / ((now - windowStart) / 1e9));
                    windowStart = now;
                }
            }
            System.out.printf("all %d inserts: %.1f s, %.0f rows/s%n", tasks, (System.nanoTime() - start) / 1e9,
                    tasks / ((System.nanoTime() - start) / 1e9));

            // RUNNING events for a window of tasks spread over the whole table (the crawl phase after a backlog)
            int updates = Math.min(window, tasks);
            long updateStart = System.nanoTime();
            for (int done = 0; done < updates; ) {
                List<TaskStatusChanged> batch = new ArrayList<>(batchSize);
                for (int i = 0; i < batchSize && done < updates; i++, done++) {
                    String id = ids.get((int) ((long) done * tasks / updates));
                    batch.add(new TaskStatusChanged(TaskStatusChanged.SCHEMA_VERSION, id, TaskStatus.RUNNING, Instant.now(), "bench-worker",
                            0, null, null, "Backlog University", null));
                }
                writer.writeStatuses(c, batch, new RowsWritten());
                c.commit();
            }
            double seconds = (System.nanoTime() - updateStart) / 1e9;
            System.out.printf("%d status updates on a %d-row table: %.1f s, %.0f rows/s%n", updates, tasks, seconds, updates / seconds);
        }
    }
}
