package io.univinsight.crawler.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.univinsight.crawler.service.CrawlerWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Live while the task consumer thread runs. */
@Liveness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {
    @Inject
    CrawlerWorker worker;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("task-consumer").status(worker.isConsuming()).build();
    }
}
