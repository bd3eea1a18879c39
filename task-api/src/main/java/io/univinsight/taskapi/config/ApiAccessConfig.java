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

        /**
         * Failed authentications (a wrong key, or none, while keys are required) a client address may
         * have in a burst; once they are spent, every /api request from it that needs a key is a 429,
         * whatever key it sends. 20 leaves a person fixing a mistyped or rotated key, or a client with a
         * stale one retrying a few times, well clear of it.
         */
        @WithDefault("20")
        long failedAuthCapacity();

        /**
         * One failed authentication is forgiven per interval. 6 s: a refused address waits at most 6 s
         * for its next try and has its whole budget back after 2 minutes, while guessing from one
         * address is held to 10 keys a minute (14,400 a day): nothing against a random key.
         */
        @WithDefault("6s")
        java.time.Duration failedAuthRefillInterval();
    }
}
