package io.claimstream.stream;

import io.claimstream.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which failures dead-letter a record and which stop the stream thread so that it retries.
 *
 * <p>A record is dead-lettered only when the record itself is at fault: bytes that are not Avro, a schema id the
 * registry says it never issued (404), a body that does not decode, a value the processor rejects. A registry that
 * cannot be reached or answers 5xx, 401/403 (our credentials) or 408/429 says nothing about the record: dead-lettering
 * it would lose good data for a transient outage. Those fail the stream thread instead; the uncaught-exception
 * handler of {@link ClaimstreamApp} replaces the thread after a back-off, and the new thread resumes from the last
 * committed offset (exactly once), so the records are read again once the registry is back.
 */
public final class ErrorHandlers {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {}

    /** The registry error in {@code e}'s cause chain that is not the record's fault, or null. */
    public static SchemaRegistryException registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SchemaRegistryException r) {
                int s = r.status();
                return s >= 500 || s == 401 || s == 403 || s == 408 || s == 429 ? r : null;
            }
        }
        return null;
    }

    /** Deserialization: dead-letter (and go on) unless the registry is unavailable, then fail the thread. */
    public static final class Deserialization extends LogAndContinueExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            SchemaRegistryException r = registryUnavailable(exception);
            if (r != null) {
                log.warn("schema registry unavailable while reading {}-{}@{}; not dead-lettering, the stream thread retries: {}",
                        record.topic(), record.partition(), record.offset(), r.getMessage());
                return Response.fail();
            }
            return super.handleError(context, record, exception);
        }
    }

    /** Processing: dead-letter (and go on) unless the registry is unavailable (writing a claim), then fail the thread. */
    public static final class Processing extends LogAndContinueProcessingExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            SchemaRegistryException r = registryUnavailable(exception);
            if (r != null) {
                log.warn("schema registry unavailable while processing {}-{}@{}; not dead-lettering, the stream thread retries: {}",
                        context.topic(), context.partition(), context.offset(), r.getMessage());
                return Response.fail();
            }
            return super.handleError(context, record, exception);
        }
    }

    /**
     * Writing: a claim or change that cannot be serialized because the registry is unavailable fails the thread
     * without dead-letter records (Kafka's default would attach them); everything else as Kafka's default.
     */
    public static final class Production extends DefaultProductionExceptionHandler {
        @Override
        @SuppressWarnings("rawtypes")
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                 SerializationExceptionOrigin origin) {
            SchemaRegistryException r = registryUnavailable(exception);
            if (r != null) {
                log.warn("schema registry unavailable while writing to {}; the stream thread retries: {}", record.topic(), r.getMessage());
                return Response.fail();
            }
            return super.handleSerializationError(context, record, exception, origin);
        }
    }
}
