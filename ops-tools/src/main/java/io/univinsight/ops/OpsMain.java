package io.univinsight.ops;

import java.time.Duration;
import java.util.Map;
import java.util.NavigableSet;

import io.univinsight.devstack.CommandLine;
import io.univinsight.devstack.StackLauncher;
import io.univinsight.devstack.StackSettings;
import io.univinsight.devstack.UnivUsage;
import io.univinsight.ops.autoscale.Autoscaler;
import io.univinsight.ops.autoscale.CrawlerReplicas;
import io.univinsight.ops.topics.TopicsCommand;

/**
 * Entry point of ./univ's operations commands: top, topics, and the autoscaler child JVM that
 * StackLauncher starts for ./univ up --autoscale (by this class's name).
 */
public final class OpsMain {
    private OpsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            UnivUsage.failWithUsage();
        }
        Map<String, String> opts = CommandLine.options(args);
        StackSettings settings = StackSettings.fromEnvironment();
        switch (args[0]) {
            case "topics" -> {
                String action = args.length > 1 && !args[1].startsWith("--") ? args[1] : "help";
                TopicsCommand topics = new TopicsCommand(opts.getOrDefault("bootstrap", settings.kafkaBootstrap()),
                        TopicsCommand.layout(opts), System.out);
                System.exit(topics.run(action, opts, settings.projectRoot()));
            }
            case "top" -> new TopView(settings.monitorUrl(), System.out).run(Duration.ofSeconds(1), args.length > 1 && "--once".equals(args[1]));
            case "autoscaler" -> new Autoscaler(localReplicas(new StackLauncher(settings)), settings.kafkaBootstrap(),
                    Autoscaler.rule(settings.projectRoot(), opts), Autoscaler.parseDuration(opts.getOrDefault("sync", "15s"))).run();
            default -> UnivUsage.failWithUsage();
        }
    }

    /** The local launcher's extra crawler processes, as the autoscaler sees them. */
    private static CrawlerReplicas localReplicas(StackLauncher launcher) {
        return new CrawlerReplicas() {
            @Override
            public NavigableSet<Integer> live() {
                return launcher.crawlerReplicas().navigableKeySet();
            }

            @Override
            public void start(int index) {
                launcher.startCrawlerReplica(index);
            }

            @Override
            public void stop(int index) {
                launcher.stopCrawlerReplica(index);
            }

            @Override
            public String name(int index) {
                return StackLauncher.CRAWLER_REPLICA_PREFIX + index;
            }
        };
    }
}
