package io.univinsight.ops.autoscale;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.univinsight.devstack.StackLauncher;
import io.univinsight.events.ConsumerGroupLag;

/**
 * ./univ up --autoscale: the crawler HPA applied to the local stack. Every sync period it reads the
 * crawler group's lag from Kafka (the number the HPA's external metric carries), asks the
 * {@link ReplicaCalculator} for a replica count and starts or stops crawler-service processes to
 * match. Replica 1 is the stack's own crawler; the autoscaler owns replicas 2 and up and stops them
 * when it stops.
 */
public final class Autoscaler {
    public static final String READY_MARKER = StackLauncher.AUTOSCALER_READY_MARKER;

    private final CrawlerReplicas replicas;
    private final String bootstrap;
    private final HpaRule rule;
    private final ReplicaCalculator calculator;
    private final Duration sync;

    public Autoscaler(CrawlerReplicas replicas, String bootstrap, HpaRule rule, Duration sync) {
        this.replicas = replicas;
        this.bootstrap = bootstrap;
        this.rule = rule;
        this.calculator = new ReplicaCalculator(rule);
        this.sync = sync;
    }

    /** The rule of the committed HPA manifest, with the command line's overrides (min, max, scale-down-window). */
    public static HpaRule rule(Path projectRoot, Map<String, String> opts) throws Exception {
        HpaRule rule = HpaRule.fromManifest(projectRoot.resolve(HpaRule.MANIFEST));
        rule = rule.withBounds(Integer.parseInt(opts.getOrDefault("min", String.valueOf(rule.minReplicas()))),
                Integer.parseInt(opts.getOrDefault("max", String.valueOf(rule.maxReplicas()))));
        if (opts.containsKey("scale-down-window")) {
            rule = rule.withScaleDownWindow(parseDuration(opts.get("scale-down-window")));
        }
        return rule;
    }

    /** "30s", "5m", "1500ms" or ISO-8601. */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.parse(text);
    }

    /** Runs until the process is told to stop; then stops the replicas it started. */
    public void run() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopReplicas, "autoscaler-stop-replicas"));
        System.out.printf("%s min %d max %d target %.1f waiting tasks per replica, scale-down window %ds, sync %dms%n",
                READY_MARKER, rule.minReplicas(), rule.maxReplicas(), rule.targetPerReplica(),
                rule.scaleDownWindow().toSeconds(), sync.toMillis());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            while (!Thread.currentThread().isInterrupted()) {
                syncOnce(admin);
                Thread.sleep(sync.toMillis());
            }
        }
    }

    void syncOnce(Admin admin) {
        long lag;
        try {
            lag = ConsumerGroupLag.crawlerTotalLag(admin);
        } catch (Exception e) {
            lag = -1; // like an HPA whose metric is missing: hold the current count
            System.out.println(Instant.now() + " lag unknown (" + e.getMessage() + "): holding");
        }
        java.util.NavigableSet<Integer> live = replicas.live();
        int current = 1 + live.size();
        int desired = calculator.decide(Instant.now(), current, lag);
        System.out.printf("%s lag %d replicas %d desired %d%n", Instant.now(), lag, current, desired);
        if (desired > current) {
            int next = live.isEmpty() ? 2 : live.last() + 1;
            for (int i = 0; i < desired - current; i++) {
                replicas.start(next + i);
                System.out.println(Instant.now() + " started " + replicas.name(next + i));
            }
        } else if (desired < current) {
            List<Integer> toStop = new ArrayList<>(live.descendingSet()).subList(0, current - desired);
            toStop.parallelStream().forEach(replicas::stop); // each drains its tasks first
            System.out.println(Instant.now() + " stopped " + toStop.stream().map(replicas::name).toList());
        }
    }

    private void stopReplicas() {
        replicas.live().parallelStream().forEach(replicas::stop);
    }
}
