package io.univinsight.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;

/**
 * The headers every dead letter carries, whichever service wrote it (crawl.tasks.dlq,
 * crawl.persistence.dlq, crawl.monitor.dlq): why the record was given up on, who gave up, and
 * where the record was read from. The names are SmallRye's dead-letter-queue names, because
 * persistence-service keeps that strategy as a safety net and it writes them itself; one set of
 * names means one way to read any dead-letter topic.
 */
public final class DeadLetterHeaders {
    public static final String REASON = "dead-letter-reason";
    /** Who gave up: a service name, or the record's coordinates where the reader knows no more. */
    public static final String SOURCE = "dead-letter-source";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** On a task put back by ./univ topics replay-dlq: the id of the dead task it replaces. */
    public static final String REPLAYED_FROM = "univ-replayed-from";

    private DeadLetterHeaders() {
    }

    public static void add(Headers headers, String reason, String source) {
        headers.add(REASON, bytes(reason));
        headers.add(SOURCE, bytes(source));
    }

    /** Where the given-up record was read from. */
    public static void addOrigin(Headers headers, String topic, int partition, long offset) {
        headers.add(TOPIC, bytes(topic));
        headers.add(PARTITION, bytes(String.valueOf(partition)));
        headers.add(OFFSET, bytes(String.valueOf(offset)));
    }

    private static byte[] bytes(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
