package io.univinsight.monitor.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jboss.logging.Logger;

import io.univinsight.events.DeadLetterHeaders;
import io.univinsight.events.Topics;

/**
 * A record the metrics view cannot read goes to crawl.monitor.dlq with its reason and origin (the
 * headers the crawler's dead letters carry) and the stream goes on: one bad record never stops a
 * partition. Kafka 4.1 Streams has no dead-letter queue of its own (KIP-1034 is not in it).
 */
public class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
    private static final Logger LOG = Logger.getLogger(DeadLetterDeserializationHandler.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;
    private final Map<String, Object> producerConfig = new HashMap<>();
    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "monitor-dead-letters");
    }

    /**
     * Made on the first dead letter: most runs have none, and Streams gives a handler no close hook,
     * so a producer made up front would be one more idle client per stream thread.
     */
    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        String reason = "cannot be read: " + exception.getMessage();
        LOG.warnf("dead-lettering %s to %s: %s", source, Topics.MONITOR_DLQ, reason);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.MONITOR_DLQ, record.key(), record.value());
        DeadLetterHeaders.add(dead.headers(), reason, "monitor-service");
        DeadLetterHeaders.addOrigin(dead.headers(), record.topic(), record.partition(), record.offset());
        try {
            // Waits for the broker: Streams commits past this record once we return, so an unsent dead letter would be lost.
            producer().send(dead).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.errorf("interrupted while dead-lettering %s; it is skipped: %s", source, reason);
        } catch (ExecutionException | TimeoutException e) {
            LOG.errorf("could not dead-letter %s (%s); it is skipped: %s", source, e.getMessage(), reason);
        }
        return DeserializationHandlerResponse.CONTINUE;
    }
}
