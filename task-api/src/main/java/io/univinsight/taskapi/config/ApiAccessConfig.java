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

    /** A single task's body above this many bytes is refused with 413 (a task's fields take a few KB at most). */
    @WithDefault("65536")
    long maxTaskBodyBytes();

    Bulk bulk();

    /**
     * Bulk bodies are held in memory while they are parsed and published; this bounds how many are at
     * once, so a burst of large ones cannot exhaust the heap. The others wait, then get a 429.
     */
    interface Bulk {
        @WithDefault("2")
        int concurrency();

        /** How long a bulk request waits for its turn before the 429. */
        @WithDefault("10s")
        java.time.Duration maxWait();
    }

    interface RateLimit {
        /** Requests a key (or, in open mode, a client address) may burst. */
        @WithDefault("500")
        long capacity();

        /** Tokens added back per second. */
        @WithDefault("250")
        long refillPerSecond();
    }
}
