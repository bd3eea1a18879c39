package io.univinsight.devstack;

import static io.univinsight.devstack.CommandLine.intOrNull;
import static io.univinsight.devstack.CommandLine.positional;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Entry point of ./univ's launcher commands and of the child JVMs the launcher starts.
 * Launcher commands: up, down, status, logfile, submit, demo.
 * Child commands: kafka, postgres, demo-site.
 * The operations commands (top, topics, the autoscaler) are ops-tools' OpsMain.
 */
public final class DevStackMain {
    private DevStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            UnivUsage.failWithUsage();
        }
        Map<String, String> opts = CommandLine.options(args);
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
            default -> UnivUsage.failWithUsage();
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
            // "from cache": pages answered 304 or unchanged since the last crawl (a second ./univ demo shows them);
            // "rendered": pages loaded in the headless browser
            System.out.printf("task %s %-9s pages %-3s (from cache %-3s rendered %-3s) professors %-3s papers %-3s %s%n",
                    t.path("taskId").asText(), t.path("status").asText(), t.path("pagesFetched").asText(),
                    t.path("cacheHits").asText("0"), t.path("pagesRendered").asText("0"),
                    t.path("professorsCount").asText(), t.path("papersCount").asText(),
                    t.path("lastError").asText(t.path("emptyReason").asText(""))); // the error, else why nobody was found
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
}
