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
