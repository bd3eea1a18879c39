package io.univinsight.devstack;

import java.util.ArrayList;
import java.util.List;

/** The processes the launcher manages, in start order (stopped in reverse). */
public enum StackComponent {
    POSTGRES("postgres", null),
    KAFKA("kafka", null),
    /** Merges a whole result (a task's professors and thousands of papers) at a time. */
    PERSISTENCE("persistence-service", "persistence-service", "-Xmx512m", "-Xmn256m"),
    TASK_API("task-api", "task-api"),
    /**
     * Up to crawler.concurrency (32) pages in flight, each parsed page a few hundred KB to MB of objects that
     * live until its records are out: with the default young generation (a third of 256 MB) every collection
     * copied the in-flight pages again, 1 ms of collection per page. A young generation of 512 MB lets them die first.
     */
    CRAWLER("crawler-service", "crawler-service", "-Xmx1g", "-Xmn512m"),
    MONITOR("monitor-service", "monitor-service"),
    /** Only with ./univ up --autoscale: starts and stops extra crawler-service processes. */
    AUTOSCALER("autoscaler", null),
    DEMO_SITE("demo-site", null);

    /** The small services' heap (task-api, monitor), enough for their caches and a batch of events. */
    private static final String SMALL_HEAP = "-Xmx256m";

    private final String id;
    private final String module;
    private final List<String> heapOptions;

    StackComponent(String id, String module, String... heapOptions) {
        this.id = id;
        this.module = module;
        this.heapOptions = heapOptions.length == 0 ? List.of(SMALL_HEAP) : List.of(heapOptions);
    }

    public String id() {
        return id;
    }

    /** The Maven module of a Quarkus service, or null for infrastructure. */
    public String module() {
        return module;
    }

    /**
     * Heap sizes for a service's JVM. Every service uses the serial collector: on a machine of a few cores
     * shared by the whole stack it spends the least CPU per collection, and these heaps are small.
     */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(heapOptions);
        options.add("-XX:+UseSerialGC");
        return List.copyOf(options);
    }

    public static StackComponent byId(String id) {
        for (StackComponent c : values()) {
            if (c.id.equals(id) || c.name().equalsIgnoreCase(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown component '" + id + "'");
    }
}
