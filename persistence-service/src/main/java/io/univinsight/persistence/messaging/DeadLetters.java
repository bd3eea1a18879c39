package io.univinsight.persistence.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.univinsight.events.DeadLetterHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sends a record the service cannot store to crawl.persistence.dlq with the shared dead-letter
 * headers ({@link DeadLetterHeaders}: reason, source, original topic, partition and offset). Waits for
 * the broker's acknowledgement, so the batch's offsets are committed only after it is safe.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Channel("persistence-dlq")
    MutinyEmitter<byte[]> emitter;

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.errorf("refusing record %s-%d@%d: %s (sent to the dead-letter topic)", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetterHeaders.add(headers, reason, "persistence-service");
        DeadLetterHeaders.addOrigin(headers, record.topic(), record.partition(), record.offset());
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key()).withHeaders(headers).build();
        emitter.sendMessageAndAwait(Message.of(record.value()).addMetadata(metadata));
    }
}
