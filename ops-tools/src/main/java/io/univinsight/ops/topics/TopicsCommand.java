package io.univinsight.ops.topics;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.univinsight.devstack.TextTable;
import io.univinsight.events.TopicProvisioner;
import io.univinsight.events.Topics;

/**
 * ./univ topics create | describe | lag | replay-dlq | render, against any bootstrap server
 * (--bootstrap, default the local stack's broker).
 */
public final class TopicsCommand {
    private final String bootstrap;
    private final Topics.Layout layout;
    private final PrintStream out;

    public TopicsCommand(String bootstrap, Topics.Layout layout, PrintStream out) {
        this.bootstrap = bootstrap;
        this.layout = layout;
        this.out = out;
    }

    /** Layout from --partitions and --replication (defaults: 12 task partitions, one replica). */
    public static Topics.Layout layout(Map<String, String> opts) {
        return new Topics.Layout(Integer.parseInt(opts.getOrDefault("partitions", String.valueOf(Topics.DEFAULT_TASK_PARTITIONS))),
                Short.parseShort(opts.getOrDefault("replication", "1")));
    }

    /** Returns the process exit code. */
    public int run(String action, Map<String, String> opts, Path projectRoot) throws Exception {
        switch (action) {
            case "create" -> {
                List<String> created = TopicProvisioner.ensureTopics(bootstrap, layout);
                out.println(created.isEmpty() ? "Every topic exists on " + bootstrap + "." : "Created on " + bootstrap + ": " + String.join(", ", created));
                return describe();
            }
            case "describe" -> {
                return describe();
            }
            case "lag" -> {
                try (Admin admin = admin()) {
                    List<String[]> rows = new ArrayList<>();
                    for (GroupLagReport.Row r : GroupLagReport.rows(admin, opts.get("group"))) {
                        rows.add(new String[] {r.group(), r.topic(), String.valueOf(r.partitions()), String.valueOf(r.lag())});
                    }
                    TextTable.print(out, new String[] {"GROUP", "TOPIC", "PARTITIONS", "LAG"}, rows);
                }
                return 0;
            }
            case "replay-dlq" -> {
                boolean dryRun = opts.containsKey("dry-run");
                int limit = Integer.parseInt(opts.getOrDefault("limit", String.valueOf(Integer.MAX_VALUE)));
                DlqReplay.Outcome o = DlqReplay.run(bootstrap, limit, dryRun);
                out.printf("%s %d task(s) from %s to their priority topics as new tasks; skipped %d record(s) that are not tasks.%n",
                        dryRun ? "Would replay" : "Replayed", o.replayed(), Topics.TASKS_DLQ, o.skipped());
                o.skippedReasons().stream().limit(20).forEach(r -> out.println("  skipped " + r));
                return 0;
            }
            case "render" -> {
                List<String> changed = TopicManifests.writeAll(projectRoot);
                out.println(changed.isEmpty() ? "Topic manifests are up to date." : "Wrote " + String.join(", ", changed));
                return 0;
            }
            default -> {
                usage(out);
                return 2;
            }
        }
    }

    private int describe() throws Exception {
        try (Admin admin = admin()) {
            List<String[]> rows = new ArrayList<>();
            int differing = 0;
            for (TopicCheck.Row r : TopicCheck.describe(admin, layout)) {
                rows.add(new String[] {r.topic(), r.partitions() == null ? "-" : r.partitions().toString(),
                        r.replicas() == null ? "-" : r.replicas().toString(), r.configs(),
                        r.differences().isEmpty() ? "ok" : String.join("; ", r.differences())});
                differing += r.differences().isEmpty() ? 0 : 1;
            }
            TextTable.print(out, new String[] {"TOPIC", "PARTITIONS", "REPLICAS", "CONFIG", "AGAINST DEFINITION"}, rows);
            return differing == 0 ? 0 : 1;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000));
    }

    public static void usage(PrintStream out) {
        out.println("""
                usage: ./univ topics ACTION [--bootstrap HOST:PORT] [--partitions N] [--replication R]
                  create                create the missing topics of the one definition (crawl-events Topics), then describe
                  describe              each defined topic as the broker has it, and any difference from the definition (exit 1)
                  lag [--group G]       lag per consumer group and topic (all groups by default)
                  replay-dlq [--limit N] [--dry-run]
                                        put the tasks of crawl.tasks.dlq back on their priority topics as new tasks
                  render                rewrite k8s/overlays/*/kafka-topics.yaml and deploy/compose/create-topics.sh""");
    }
}
