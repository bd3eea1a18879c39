package io.univinsight.ops;

import java.time.Duration;
import java.util.Map;

import io.univinsight.devstack.CommandLine;
import io.univinsight.devstack.StackLauncher;
import io.univinsight.devstack.StackSettings;
import io.univinsight.devstack.UnivUsage;
import io.univinsight.ops.autoscale.Autoscaler;
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
            case "autoscaler" -> new Autoscaler(new StackLauncher(settings), Autoscaler.rule(settings.projectRoot(), opts),
                    Autoscaler.parseDuration(opts.getOrDefault("sync", "15s"))).run();
            default -> UnivUsage.failWithUsage();
        }
    }
}
