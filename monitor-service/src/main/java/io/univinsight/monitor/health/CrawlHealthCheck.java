package io.univinsight.monitor.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.HealthGroup;
import io.univinsight.monitor.service.Dashboard;
import io.univinsight.monitor.service.DashboardService;
import io.univinsight.monitor.service.HealthRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The crawl's verdict (healthy, degraded, critical) as its own health group, GET
 * /q/health/group/crawl: DOWN (503) only when critical, the verdict and reasons as data.
 * Not a readiness check on purpose: a crawl in trouble must not make the monitor itself look
 * not ready (the launcher and Kubernetes would then stop routing to the one place that shows
 * the trouble).
 */
@HealthGroup(CrawlHealthCheck.GROUP)
@ApplicationScoped
public class CrawlHealthCheck implements HealthCheck {
    public static final String GROUP = "crawl";

    @Inject
    DashboardService dashboard;

    @Override
    public HealthCheckResponse call() {
        Dashboard.Health health = dashboard.snapshot().health();
        return HealthCheckResponse.named("crawl")
                .status(!HealthRules.Status.CRITICAL.wireName().equals(health.status()))
                .withData("verdict", health.status())
                .withData("reasons", String.join("; ", health.reasons()))
                .withData("streams_state", health.streamsState())
                .build();
    }
}
