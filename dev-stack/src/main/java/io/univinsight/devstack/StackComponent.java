package io.univinsight.devstack;

/** The processes the launcher manages, in start order (stopped in reverse). */
public enum StackComponent {
    POSTGRES("postgres", null),
    KAFKA("kafka", null),
    PERSISTENCE("persistence-service", "persistence-service"),
    TASK_API("task-api", "task-api"),
    CRAWLER("crawler-service", "crawler-service"),
    MONITOR("monitor-service", "monitor-service"),
    /** Only with ./univ up --autoscale: starts and stops extra crawler-service processes. */
    AUTOSCALER("autoscaler", null),
    DEMO_SITE("demo-site", null);

    private final String id;
    private final String module;

    StackComponent(String id, String module) {
        this.id = id;
        this.module = module;
    }

    public String id() {
        return id;
    }

    /** The Maven module of a Quarkus service, or null for infrastructure. */
    public String module() {
        return module;
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
