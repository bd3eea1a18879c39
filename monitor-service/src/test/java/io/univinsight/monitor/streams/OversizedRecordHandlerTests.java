package io.univinsight.monitor.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.junit.jupiter.api.Test;

class OversizedRecordHandlerTests {
    private final OversizedRecordHandler handler = new OversizedRecordHandler();
    private final ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("monitor-tasks-by-university-repartition",
            new byte[900_000], new byte[900_000]);

    @Test
    void aRecordTooLargeForTheBrokerIsDroppedAndProcessingGoesOn() {
        assertEquals(ProductionExceptionHandlerResponse.CONTINUE,
                handler.handle(null, record, new RecordTooLargeException("The message is 1800222 bytes")));
    }

    @Test
    void anyOtherProductionErrorIsHandledAsByTheDefaultHandler() {
        var defaults = new org.apache.kafka.streams.errors.DefaultProductionExceptionHandler();
        for (Exception e : new Exception[] {new TimeoutException("broker gone"),
                new org.apache.kafka.common.errors.TopicAuthorizationException("no write")}) {
            assertEquals(defaults.handle(null, record, e), handler.handle(null, record, e), e.toString());
        }
        assertEquals(ProductionExceptionHandlerResponse.FAIL,
                handler.handle(null, record, new org.apache.kafka.common.errors.TopicAuthorizationException("no write")));
    }
}
