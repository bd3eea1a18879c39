package io.univinsight.monitor.streams;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jboss.logging.Logger;

/**
 * A record the topology derives from an input can be larger than the input: a KTable groupBy
 * sends the new and the old value (and the grouping key) in one repartition record, so a status
 * event or result of ~0.9 MB (a huge university name, written by anyone who can produce to the
 * topic) becomes a ~1.8 MB internal record. The default handler fails on it, the client shuts
 * down (state ERROR, dashboard and metrics gone) and, its input offset uncommitted, it fails the
 * same way after every restart. This handler drops such a record with an error log instead:
 * the monitor's numbers then miss that one oversized event, and every other event still counts.
 * Every other production error fails as before.
 */
public class OversizedRecordHandler extends DefaultProductionExceptionHandler {
    private static final Logger LOG = Logger.getLogger(OversizedRecordHandler.class);

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            LOG.errorf("dropping a record too large for %s (%d key + %d value bytes, from %s-%d@%d): %s", record.topic(),
                    record.key() == null ? 0 : record.key().length, record.value() == null ? 0 : record.value().length,
                    context == null ? "?" : context.topic(), context == null ? -1 : context.partition(),
                    context == null ? -1 : context.offset(), exception.getMessage());
            return ProductionExceptionHandlerResponse.CONTINUE;
        }
        return super.handle(context, record, exception);
    }
}
