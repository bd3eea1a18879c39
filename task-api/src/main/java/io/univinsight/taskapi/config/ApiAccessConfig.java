package io.univinsight.taskapi.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call /api: API keys (API_KEYS), or an explicit open mode for local use (API_OPEN). */
@ConfigMapping(prefix = "api")
public interface ApiAccessConfig {
    /** Accepted keys, sent as X-API-Key or Authorization: Bearer. */
    Optional<List<String>> keys();

    /** No key needed; meant for a local stack only, and logged loudly at start. */
    @WithDefault("false")
    boolean open();

    RateLimit rateLimit();

    /** Request bodies above this many bytes are refused with 413 (bulk bodies of 10,000 tasks fit). */
    @WithDefault("8388608")
    long maxBodyBytes();

    interface RateLimit {
        /** Requests a key (or, in open mode, a client address) may burst. */
        @WithDefault("500")
        long capacity();

        /** Tokens added back per second. */
        @WithDefault("250")
        long refillPerSecond();
    }
}
