package io.univinsight.taskapi.config;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.univinsight.schema.DatabasePassword;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * task-api does not start with the shipped REPLACE-ME database password; the check is the schema
 * module's, shared with persistence-service. Flyway's migrate-at-start has run by then, but the
 * service never serves a request.
 */
@ApplicationScoped
class DatabasePasswordCheck {
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    void refusePlaceholder(@Observes StartupEvent startup) {
        DatabasePassword.refusePlaceholder(password);
    }
}
