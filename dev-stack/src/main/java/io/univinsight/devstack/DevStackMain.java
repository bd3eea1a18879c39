package io.univinsight.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.univinsight.devstack.autoscale.Autoscaler;
import io.univinsight.devstack.topics.TopicsCommand;

/**
 * Entry point of ./univ and of the child JVMs it starts.
 * Launcher commands: up, down, status, logfile, submit, demo.
 * Child commands: kafka, postgres, demo-site.
 */
public final class DevStackMain {
    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        Map<String, String> opts = options(args);
        StackSettings settings = StackSettings.fromEnvironment();
        StackLauncher launcher = new StackLauncher(settings);
        switch (args[0]) {
            case "kafka" -> KafkaBroker.run(Path.of(opts.get("dir")), Integer.parseInt(opts.get("port")),
                    Integer.parseInt(opts.get("controller-port")), Integer.parseInt(opts.getOrDefault("partitions", "12")));
            case "postgres" -> EmbeddedPostgresServer.run(Path.of(opts.get("dir")), Integer.parseInt(opts.get("port")));
            case "demo-site" -> {
                DemoSite site = DemoSite.start(Integer.parseInt(opts.getOrDefault("port", "8090")));
                System.out.println(DemoSite.READY_MARKER + " " + site.baseUrl());
                Thread.currentThread().join();
            }
            case "up" -> {
                boolean started = launcher.up(false);
                System.out.println(started ? "UnivInsight is up." : "UnivInsight is already running (./univ status, ./univ down).");
                if (opts.containsKey("autoscale")) {
                    Map<String, String> scaling = new HashMap<>(opts);
                    scaling.remove("autoscale");
                    launcher.startAutoscaler(scaling);
                    System.out.println("Autoscaler on: crawler-service replicas follow the crawler lag (./univ logs autoscaler).");
                }
                launcher.urls().forEach(System.out::println);
            }
            case "autoscaler" -> new Autoscaler(launcher, Autoscaler.rule(settings.projectRoot(), opts),
                    Autoscaler.parseDuration(opts.getOrDefault("sync", "15s"))).run();
            case "down" -> {
                List<String> stopped = launcher.down();
                System.out.println(stopped.isEmpty() ? "Nothing was running." : "Stopped " + String.join(", ", stopped) + ".");
            }
            case "status" -> launcher.status().forEach(System.out::println);
            case "logfile" -> System.out.println(launcher.logFile(StackComponent.byId(positional(args, 1, "SERVICE"))));
            case "submit" -> {
                String university = opts.get("university");
                if (university == null) {
                    throw new IllegalArgumentException("submit needs --university NAME");
                }
                JsonNode accepted = new ApiClient(settings.apiUrl()).submit(positional(args, 1, "URL"), university,
                        opts.get("department"), opts.get("priority"), intOrNull(opts.get("max-depth")), intOrNull(opts.get("max-pages")));
                System.out.println(accepted.toPrettyString());
            }
            case "demo" -> demo(launcher);
            case "topics" -> {
                String action = args.length > 1 && !args[1].startsWith("--") ? args[1] : "help";
                TopicsCommand topics = new TopicsCommand(opts.getOrDefault("bootstrap", settings.kafkaBootstrap()),
                        TopicsCommand.layout(opts), System.out);
                System.exit(topics.run(action, opts, settings.projectRoot()));
            }
            case "top" -> new TopView(settings.monitorUrl(), System.out).run(Duration.ofSeconds(1), args.length > 1 && "--once".equals(args[1]));
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void demo(StackLauncher launcher) {
        StackSettings s = launcher.settings();
        System.out.println("Starting UnivInsight (Kafka, PostgreSQL, four services) and the demo university site...");
        boolean started = launcher.up(true);
        // Ctrl-C before the demo has finished stops what this run started.
        Thread stopOnInterrupt = new Thread(launcher::down, "univ-demo-interrupted");
        if (started) {
            Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        }
        launcher.urls().forEach(System.out::println);
        System.out.println("Demo university site " + s.demoSiteUrl() + "/");
        DemoRun demo = new DemoRun(new ApiClient(s.apiUrl()), s.demoSiteUrl(), System.out);
        List<String> ids = demo.submitAll();
        List<JsonNode> tasks = demo.awaitAll(ids, Duration.ofMinutes(5));
        for (JsonNode t : tasks) {
            System.out.printf("task %s %-9s pages %-3s professors %-3s papers %-3s %s%n", t.path("taskId").asText(),
                    t.path("status").asText(), t.path("pagesFetched").asText(), t.path("professorsCount").asText(),
                    t.path("papersCount").asText(), t.path("lastError").asText(""));
        }
        int professors = demo.printTables();
        if (started) {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        }
        System.out.println();
        System.out.println("Dashboard: " + s.monitorUrl() + "/    Stop everything with ./univ down");
        if (professors == 0) {
            System.exit(1);
        }
    }

    private static String positional(String[] args, int index, String name) {
        if (args.length <= index || args[index].startsWith("--")) {
            throw new IllegalArgumentException(args[0] + " needs " + name);
        }
        return args[index];
    }

    private static Integer intOrNull(String value) {
        return value == null ? null : Integer.valueOf(value);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                opts.put(args[i].substring(2), args[++i]);
            } else if (args[i].startsWith("--")) {
                opts.put(args[i].substring(2), "true"); // a flag such as --dry-run
            }
        }
        return opts;
    }

    private static void usage() {
        System.err.println("""
                usage: univ COMMAND
                  up [--autoscale [--min N] [--max N] [--sync 15s] [--scale-down-window 300s]]
                                             start Kafka, PostgreSQL (if none runs) and the four services; with
                                             --autoscale, crawler processes follow the lag by k8s/base/crawler-service/hpa.yaml
                  down                       stop everything ./univ started
                  status                     what runs, with PIDs and readiness
                  logs SERVICE               follow a log (kafka, postgres, task-api, crawler-service, persistence-service, monitor-service, demo-site)
                  submit URL --university NAME [--priority critical|high|normal|low] [--department D] [--max-depth N] [--max-pages N]
                  demo                       start everything, crawl the bundled demo university, print what was found
                  top [--once]               the monitor dashboard in the terminal, refreshed every second
                  topics ACTION              create, describe, lag, replay-dlq, render (./univ topics help)""");
    }
}
