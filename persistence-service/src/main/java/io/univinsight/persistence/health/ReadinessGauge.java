package io.univinsight.persistence.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.univinsight.persistence.service.WriteRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * univinsight_persistence_ready: 1 while database writes go through, 0 while they back off from a
 * failure (the readiness check's verdict, as a metric an alert rule can read).
 */
@ApplicationScoped
public class ReadinessGauge {
    @Inject
    MeterRegistry registry;
    @Inject
    WriteRetry retry;

    void register(@Observes StartupEvent startup) {
        Gauge.builder("univinsight.persistence.ready", retry, r -> r.currentFailure() == null ? 1 : 0)
                .description("1 while database writes succeed, 0 while they back off from a failure").register(registry);
    }
}
