package io.univinsight.schema;

import java.util.Locale;
import java.util.Optional;

/**
 * The check both services that open this database make at start: k8s/base/secrets.yaml ships
 * {@code QUARKUS_DATASOURCE_PASSWORD: REPLACE-ME-db-password}, and the dev PostgreSQL is created
 * with the same Secret, so a deployment left with it would run, on a password anyone can read in
 * the repository.
 */
public final class DatabasePassword {
    static final String PLACEHOLDER = "REPLACE-ME";

    private DatabasePassword() {
    }

    /** @throws IllegalStateException when the configured password is the shipped placeholder (any case) */
    public static void refusePlaceholder(Optional<String> password) {
        if (password.map(p -> p.strip().toUpperCase(Locale.ROOT).startsWith(PLACEHOLDER)).orElse(false)) {
            throw new IllegalStateException("QUARKUS_DATASOURCE_PASSWORD holds the placeholder " + PLACEHOLDER
                    + "... from k8s/base/secrets.yaml: set a real database password (Secret univinsight-db) before starting");
        }
    }
}
