package io.univinsight.taskapi.service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.univinsight.taskapi.config.ApiAccessConfig;

/** ApiAccessConfig values for plain unit tests (no Quarkus to read application.properties). */
final class TestConfigs {
    private TestConfigs() {
    }

    static ApiAccessConfig access(long rateCapacity, long refillPerSecond, int bulkConcurrency, Duration bulkMaxWait) {
        return access(rateCapacity, refillPerSecond, 20, Duration.ofSeconds(6), bulkConcurrency, bulkMaxWait);
    }

    static ApiAccessConfig failedAuth(long capacity, Duration refillInterval) {
        return access(500, 250, capacity, refillInterval, 2, Duration.ofSeconds(10));
    }

    private static ApiAccessConfig access(long rateCapacity, long refillPerSecond, long failedAuthCapacity, Duration failedAuthRefillInterval,
                                          int bulkConcurrency, Duration bulkMaxWait) {
        return new ApiAccessConfig() {
            public Optional<List<String>> keys() {
                return Optional.empty();
            }

            public boolean open() {
                return true;
            }

            public RateLimit rateLimit() {
                return new RateLimit() {
                    public long capacity() {
                        return rateCapacity;
                    }

                    public long refillPerSecond() {
                        return refillPerSecond;
                    }

                    public long failedAuthCapacity() {
                        return failedAuthCapacity;
                    }

                    public Duration failedAuthRefillInterval() {
                        return failedAuthRefillInterval;
                    }
                };
            }

            public long maxBodyBytes() {
                return 8 << 20;
            }

            public long maxTaskBodyBytes() {
                return 64 << 10;
            }

            public Bulk bulk() {
                return new Bulk() {
                    public int concurrency() {
                        return bulkConcurrency;
                    }

                    public Duration maxWait() {
                        return bulkMaxWait;
                    }
                };
            }
        };
    }
}
