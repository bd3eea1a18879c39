package io.univinsight.monitor.streams;

import java.util.HashMap;
import java.util.Map;

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
    private KafkaProducer<byte[], byte[]> producer;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, configs.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "monitor-dead-letters");
        producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String source = record.topic() + "-" + record.partition() + "@" + record.offset();
        String reason = "cannot be read: " + exception.getMessage();
        LOG.warnf("dead-lettering %s to %s: %s", source, Topics.MONITOR_DLQ, reason);
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.MONITOR_DLQ, record.key(), record.value());
        DeadLetterHeaders.add(dead.headers(), reason, source);
        producer.send(dead, (meta, failure) -> {
            if (failure != null) {
                LOG.errorf("could not dead-letter %s (%s); it is skipped: %s", source, failure.getMessage(), reason);
            }
        });
        return DeserializationHandlerResponse.CONTINUE;
    }
}
