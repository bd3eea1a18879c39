package io.univinsight.schema;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class DatabasePasswordTests {
    @Test
    void theShippedPlaceholderRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DatabasePassword.refusePlaceholder(Optional.of("REPLACE-ME-db-password")));
        assertTrue(e.getMessage().contains("QUARKUS_DATASOURCE_PASSWORD"), e.getMessage());
        assertTrue(e.getMessage().contains("k8s/base/secrets.yaml"), e.getMessage());
    }

    @Test
    void anyPlaceholderSpellingIsRefused() {
        assertThrows(IllegalStateException.class, () -> DatabasePassword.refusePlaceholder(Optional.of("replace-me")));
        assertThrows(IllegalStateException.class, () -> DatabasePassword.refusePlaceholder(Optional.of("  REPLACE-ME-later")));
    }

    @Test
    void aRealPasswordOrNoneStarts() {
        assertDoesNotThrow(() -> DatabasePassword.refusePlaceholder(Optional.of("s3cret-REPLACE-ME")));
        assertDoesNotThrow(() -> DatabasePassword.refusePlaceholder(Optional.of("")));
        assertDoesNotThrow(() -> DatabasePassword.refusePlaceholder(Optional.empty()), "local stacks and tests run without one");
    }
}
