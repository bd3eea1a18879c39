package io.univinsight.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;

/**
 * The headers our own dead letters carry (crawl.tasks.dlq, crawl.monitor.dlq): why the record was
 * given up on and where it came from. persistence-service uses SmallRye's dead-letter-* headers.
 */
public final class DeadLetterHeaders {
    public static final String REASON = "univ-dlq-reason";
    public static final String SOURCE = "univ-dlq-source";
    /** On a task put back by ./univ topics replay-dlq: the id of the dead task it replaces. */
    public static final String REPLAYED_FROM = "univ-replayed-from";

    private DeadLetterHeaders() {
    }

    public static void add(Headers headers, String reason, String source) {
        headers.add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE, source.getBytes(StandardCharsets.UTF_8));
    }
}
