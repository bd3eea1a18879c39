package io.univinsight.testsupport;

/**
 * UNIV_TEST_DEVSERVICES=true hands Kafka and PostgreSQL to Quarkus Dev Services
 * (Testcontainers, needs Docker) instead of the local processes these resources start.
 */
final class DevServicesOptIn {
    private DevServicesOptIn() {
    }

    static boolean enabled() {
        return Boolean.parseBoolean(System.getenv().getOrDefault("UNIV_TEST_DEVSERVICES", "false"));
    }
}
