package io.univinsight.persistence.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.univinsight.persistence.service.WriteRetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Not ready while writes back off from a database failure. */
@Readiness
@ApplicationScoped
public class DatabaseWritesHealthCheck implements HealthCheck {
    @Inject
    WriteRetry retry;

    @Override
    public HealthCheckResponse call() {
        String failure = retry.currentFailure();
        return HealthCheckResponse.named("database-writes").status(failure == null)
                .withData("failure", failure == null ? "none" : failure).build();
    }
}
